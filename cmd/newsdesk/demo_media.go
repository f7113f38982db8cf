package main

import (
	"bytes"
	"context"
	"errors"

	"newsdesk/internal/demo"
	"newsdesk/internal/media"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// demoMedia puts the files that the demo generates into the media
// library as uploads of them would go: checked, probed and stored by lib,
// recorded by st.
func demoMedia(st *store.Store, lib *media.Library) demo.AddMedia {
	return func(ctx context.Context, name string, data []byte) (news.Media, error) {
		exists := func(hash string) (bool, error) {
			_, err := st.MediaByHash(ctx, hash)
			if errors.Is(err, news.ErrNotFound) {
				return false, nil
			}
			return err == nil, err
		}
		up, err := lib.Ingest(ctx, bytes.NewReader(data), media.DefaultLimits, exists)
		if err != nil {
			return news.Media{}, err
		}
		m, _, err := st.CreateMedia(ctx, news.Media{
			Hash: up.Hash, Key: up.Key, Kind: up.Kind, MIME: up.MIME, Name: name, Size: up.Size,
			Width: up.Width, Height: up.Height, Duration: up.Duration,
		})
		return m, err
	}
}
