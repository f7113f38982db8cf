package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"newsdesk/internal/news"
)

// Keys of the site_settings rows.
const (
	settingSiteName    = "site_name"
	settingChannel     = "channel."     // + the channel's key
	settingMedia       = "media_limit." // + the kind of media; bytes
	settingFeedSummary = "feed_summary"
)

// Settings returns the site's settings, the defaults for what was never
// set.
func (s *Store) Settings(ctx context.Context) (news.Settings, error) {
	set := news.DefaultSettings()
	err := s.view(ctx, func(tx *tx) error {
		type row struct{ key, value string }
		rows, err := queryAll(ctx, tx, func(r scanner) (row, error) {
			var x row
			err := r.Scan(&x.key, &x.value)
			return x, err
		}, `SELECT key, value FROM site_settings`)
		for _, x := range rows {
			switch {
			case x.key == settingSiteName:
				set.SiteName = x.value
			case x.key == settingFeedSummary:
				set.FeedSummary = x.value == "true"
			case strings.HasPrefix(x.key, settingChannel):
				set.Channels[strings.TrimPrefix(x.key, settingChannel)] = x.value
			case strings.HasPrefix(x.key, settingMedia):
				if n, err := strconv.ParseInt(x.value, 10, 64); err == nil && n > 0 {
					set.MediaLimits[news.MediaKind(strings.TrimPrefix(x.key, settingMedia))] = n
				}
			}
		}
		return err
	})
	if err != nil {
		return news.Settings{}, fmt.Errorf("store: settings: %w", err)
	}
	return set, nil
}

// SaveSettings validates and stores the settings: the name, and every
// known channel (an empty address removes the channel's link).
func (s *Store) SaveSettings(ctx context.Context, set news.Settings) error {
	set.SiteName = strings.TrimSpace(set.SiteName)
	if err := set.Validate(); err != nil {
		return fmt.Errorf("store: save settings: %w", err)
	}
	err := s.update(ctx, func(tx *tx) error {
		const upsert = `INSERT INTO site_settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`
		if _, err := tx.exec(ctx, upsert, settingSiteName, set.SiteName); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, upsert, settingFeedSummary, strconv.FormatBool(set.FeedSummary)); err != nil {
			return err
		}
		for _, c := range news.SiteChannels {
			if _, err := tx.exec(ctx, upsert, settingChannel+c.Key, strings.TrimSpace(set.Channels[c.Key])); err != nil {
				return err
			}
		}
		for k, n := range set.MediaLimits {
			if _, err := tx.exec(ctx, upsert, settingMedia+string(k), strconv.FormatInt(n, 10)); err != nil {
				return err
			}
		}
		// Every page shows the name and the channels; the feeds carry the
		// name and their content follows FeedSummary.
		tx.recordChange(news.KeySite, news.KeyFeed)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save settings: %w", err)
	}
	return nil
}
