// Command corpus fills a newsdesk database with a realistic news corpus for
// load benchmarks: N published stories made from the real documents of
// Reuters-21578, read from ../shared/data at run time and never copied into
// the repository.
//
//	go run ./bench/corpus -db bench/out/corpus-100000.db -n 100000
//
// The corpus has about 19,000 usable documents, so larger corpora reuse them:
// each pass over the corpus is dated a year later and combines each
// document with paragraphs of others on the same topic, so that story sizes
// follow the long-tailed spread of a real news site rather than the short
// wire items. Every story gets its own slug, so the store never has to
// de-duplicate one.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:])
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	DB    string
	N     int
	Data  string
	URLs  string
	Batch int
	Seed  int64
}

func run(ctx context.Context, args []string) error {
	var o options
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fs.StringVar(&o.DB, "db", "", "database to fill: an SQLite file path or a postgres:// URL (required)")
	fs.IntVar(&o.N, "n", 100000, "number of stories to create")
	fs.StringVar(&o.Data, "data", "../shared/data/reuters21578", "folder holding the Reuters-21578 reut2-*.sgm files")
	fs.StringVar(&o.URLs, "urls", "", "write the path of every story to this file, one a line (for load tests)")
	fs.IntVar(&o.Batch, "batch", 1000, "stories per transaction")
	fs.Int64Var(&o.Seed, "seed", 1, "seed of the random choices, so runs are repeatable")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.DB == "" || o.N <= 0 || o.Batch <= 0 {
		fs.Usage()
		return errors.New("-db is required, and -n and -batch must be positive")
	}
	if _, err := os.Stat(o.Data); err != nil {
		return fmt.Errorf("corpus folder %s is absent (%v): it holds Reuters-21578, see ../shared/data/SOURCES.md", o.Data, err)
	}
	docs, err := readReuters(o.Data)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "corpus: read %d documents from %s\n", len(docs), o.Data)

	st, err := store.Open(ctx, o.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	return fill(ctx, st, docs, o)
}

// fill prepares the editions and sections, then creates the stories in
// batches, one transaction each.
func fill(ctx context.Context, st *store.Store, docs []doc, o options) error {
	if n, err := storyCount(ctx, st); err != nil {
		return err
	} else if n > 0 {
		return fmt.Errorf("%s already holds %d stories; remove it to generate a new corpus", o.DB, n)
	}
	eds, err := prepare(ctx, st)
	if err != nil {
		return err
	}
	urls, err := newURLWriter(o.URLs)
	if err != nil {
		return err
	}
	g := newGenerator(docs, eds, o)
	start := time.Now()
	var stats corpusStats
	for made := 0; made < o.N; {
		batch := g.next(min(o.Batch, o.N-made))
		if err := st.CreateStories(ctx, batch); err != nil {
			return fmt.Errorf("create stories %d-%d: %w", made+1, made+len(batch), err)
		}
		for _, s := range batch {
			stats.add(s)
			if err := urls.add(eds.prefix(s.Edition) + s.Path()); err != nil {
				return err
			}
		}
		made += len(batch)
		if made%10000 == 0 || made == o.N {
			el := time.Since(start)
			fmt.Fprintf(os.Stderr, "corpus: %d stories in %s (%.0f/s)\n", made, el.Round(time.Second), float64(made)/el.Seconds())
		}
	}
	if err := urls.close(); err != nil {
		return err
	}
	// A bulk load leaves the search index in many pieces.
	if err := st.OptimizeSearch(ctx); err != nil {
		return err
	}
	fmt.Fprint(os.Stderr, stats.String())
	return nil
}

// storyCount is the number of stories of every status in the database.
func storyCount(ctx context.Context, st *store.Store) (int, error) {
	list, err := st.ListStories(ctx, news.StoryFilter{Limit: 1})
	if err != nil {
		return 0, fmt.Errorf("count stories: %w", err)
	}
	return list.Total, nil
}
