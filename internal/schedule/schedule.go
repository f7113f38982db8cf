// Package schedule publishes scheduled stories and podcast episodes when
// their time comes. It runs in every newsdesk process; the store makes
// sure that each is published once however many run.
package schedule

import (
	"context"
	"log/slog"
	"time"

	"newsdesk/internal/news"
)

// Store is what the scheduler needs of the database.
type Store interface {
	// PublishDue publishes the stories due by now and returns them.
	PublishDue(ctx context.Context) ([]news.Story, error)
	// PublishDueEpisodes publishes the podcast episodes due by now and
	// returns them.
	PublishDueEpisodes(ctx context.Context) ([]news.Episode, error)
	// NextDue returns the time of the next scheduled story or episode,
	// if any.
	NextDue(ctx context.Context) (time.Time, bool, error)
}

// MaxWait is the longest the scheduler sleeps between looks at the
// database. Stories may be scheduled by another process, which cannot wake
// this one, so they are published at most this late.
const MaxWait = time.Second

// minWait keeps the scheduler from spinning on a story that is due but
// not yet published: one that another process is publishing right now.
const minWait = 50 * time.Millisecond

// Run publishes due stories at once, then again whenever the next one
// falls due, looking at least every MaxWait for stories scheduled
// elsewhere, until ctx is done. It logs each story it publishes and each
// failure, and keeps going after a failure. It returns ctx's error.
func Run(ctx context.Context, st Store, logger *slog.Logger) error {
	return run(ctx, st, logger, nil)
}

// run is Run with a hook called after each pass, for tests to follow the
// scheduler without timing it. A pass first reads when the next story is
// due and takes the write transaction of publishing only when one is: an
// idle newsroom costs one read a second, not one write.
func run(ctx context.Context, st Store, logger *slog.Logger, passed func([]news.Story)) error {
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
		}
		next, ok := nextDue(ctx, st, logger)
		var published []news.Story
		if ok && !next.After(time.Now()) {
			var err error
			published, err = st.PublishDue(ctx)
			for _, s := range published {
				logger.Info("published scheduled story", "story", s.ID, "edition", s.Edition,
					"headline", s.Headline, "due", s.PublishedAt)
			}
			if err != nil && ctx.Err() == nil {
				logger.Error("publishing scheduled stories", "err", err)
			}
			publishEpisodes(ctx, st, logger)
			next, ok = nextDue(ctx, st, logger)
		}
		if passed != nil {
			passed(published)
		}
		timer.Reset(wait(next, ok, time.Now()))
	}
}

// nextDue is the time of the next scheduled story; ok is false when there
// is none or it could not be read, which is logged.
func nextDue(ctx context.Context, st Store, logger *slog.Logger) (next time.Time, ok bool) {
	next, ok, err := st.NextDue(ctx)
	if err != nil {
		if ctx.Err() == nil {
			logger.Error("finding the next scheduled story", "err", err)
		}
		return time.Time{}, false
	}
	return next, ok
}

// wait returns how long to sleep: until the next story is due, but no
// longer than MaxWait and no shorter than minWait.
func wait(next time.Time, ok bool, now time.Time) time.Duration {
	if !ok {
		return MaxWait
	}
	return min(max(next.Sub(now), minWait), MaxWait)
}

// publishEpisodes publishes the podcast episodes that are due and logs
// each one, and any failure.
func publishEpisodes(ctx context.Context, st Store, logger *slog.Logger) {
	eps, err := st.PublishDueEpisodes(ctx)
	for _, e := range eps {
		logger.Info("published scheduled episode", "episode", e.ID, "show", e.ShowID,
			"title", e.Title, "due", e.PublishedAt)
	}
	if err != nil && ctx.Err() == nil {
		logger.Error("publishing scheduled episodes", "err", err)
	}
}
