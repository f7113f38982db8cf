package web

import (
	_ "embed"
	"encoding/json"
	"net/http"
)

// openAPIDoc describes the JSON API under /api/v1/. A test checks that it
// names every API route of routes.go and that the server answers every
// path it names.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPI serves /api/v1/openapi.json with the site's own address as the
// server.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) error {
	var doc map[string]any
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		return err
	}
	doc["servers"] = []map[string]string{{"url": s.baseURL(r) + "/api/v1"}}
	return writePublicJSON(w, r, doc)
}
