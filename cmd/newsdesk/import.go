package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"newsdesk/internal/config"
	"newsdesk/internal/ingest"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// importFiles imports story files into an edition. A file that cannot be
// imported is reported with the reason and nothing of it is written; the
// other files are still imported, and the exit code is 2.
func importFiles(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", stderr)
	edition := fs.String("edition", "", "edition code to import into (default: the default edition)")
	section := fs.String("section", "News", "section for stories whose source names none")
	format := fs.String("format", "auto", "file format: "+strings.Join(ingest.Formats, ", ")+" (auto detects it)")
	cfg, err := config.NewFlags(fs, getenv, false).Parse(args)
	if err != nil {
		return usageError{err}
	}
	if fs.NArg() == 0 {
		return usageError{errors.New("import: name at least one file")}
	}

	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	ed, err := importEdition(ctx, st, *edition)
	if err != nil {
		return err
	}

	failed := false
	for _, path := range fs.Args() {
		if err := importFile(ctx, st, ed, *format, *section, path, stdout); err != nil {
			if news.ErrorCode(err) == "" && !errors.Is(err, os.ErrNotExist) {
				return err // the database failed: stop rather than skip files
			}
			fmt.Fprintf(stderr, "newsdesk: %v\n", err)
			failed = true
		}
	}
	// Many stories at once leave the search index in many pieces.
	if err := st.OptimizeSearch(ctx); err != nil {
		return err
	}
	if failed {
		return errReported
	}
	return nil
}

func importEdition(ctx context.Context, st *store.Store, code string) (news.Edition, error) {
	if code == "" {
		return st.DefaultEdition(ctx)
	}
	ed, err := st.Edition(ctx, code)
	if errors.Is(err, news.ErrNotFound) {
		return ed, usageError{fmt.Errorf("import: no edition %q", code)}
	}
	return ed, err
}

// importFile parses the whole file before writing, then writes all of its
// new stories in one transaction.
func importFile(ctx context.Context, st *store.Store, ed news.Edition, format, section, path string, stdout io.Writer) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	stories, err := ingest.Parse(format, path, data, ed)
	if err != nil {
		return err
	}
	var fresh []*news.Story
	for i := range stories {
		s := &stories[i]
		if old, err := st.StoryBySourceKey(ctx, s.SourceKey); err == nil {
			fmt.Fprintf(stdout, "already imported as story %d: %s%s\n", old.ID, ed.PathPrefix(), old.Path())
			continue
		} else if !errors.Is(err, news.ErrNotFound) {
			return err
		}
		name := s.Section.Name
		if name == "" {
			name = section
		}
		if s.Section, err = st.EnsureSection(ctx, ed.Code, name); err != nil {
			return fmt.Errorf("import %s: %w", path, err)
		}
		fresh = append(fresh, s)
	}
	if len(fresh) == 0 {
		return nil
	}
	if err := st.CreateStories(ctx, fresh); err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	for _, s := range fresh {
		fmt.Fprintf(stdout, "imported story %d: %s%s\n", s.ID, ed.PathPrefix(), s.Path())
	}
	return nil
}
