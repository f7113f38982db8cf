package auth

import (
	"sort"
	"time"
)

// Throttle limits failed sign-ins: at most Limit failures within Window.
type Throttle struct {
	Limit  int
	Window time.Duration
}

// Default sign-in limits: a person mistyping gets several tries; a script
// guessing passwords gets a few per quarter hour per account, and an address
// trying many accounts is stopped too.
var (
	AccountThrottle = Throttle{Limit: 5, Window: 15 * time.Minute}
	AddressThrottle = Throttle{Limit: 20, Window: 15 * time.Minute}
)

// Limits of the requests that send mail (a reader's sign-up, a password
// reset), counted whether or not they succeed: a few per hour to one
// address, so that nobody can flood a mailbox through the site, and some
// more from one client, which may be a household or an office.
var (
	MailAccountThrottle = Throttle{Limit: 3, Window: time.Hour}
	MailAddressThrottle = Throttle{Limit: 10, Window: time.Hour}
)

// RetryAfter returns how long to wait before another attempt is allowed,
// given the times of the recent failures, or 0 when one is allowed now.
// The wait lasts until enough of the failures have left the window.
func (th Throttle) RetryAfter(failures []time.Time, now time.Time) time.Duration {
	since := now.Add(-th.Window)
	var recent []time.Time
	for _, at := range failures {
		if at.After(since) {
			recent = append(recent, at)
		}
	}
	if len(recent) < th.Limit {
		return 0
	}
	sort.Slice(recent, func(i, j int) bool { return recent[i].Before(recent[j]) })
	// Once the failure at this index has left the window, fewer than Limit
	// remain.
	free := recent[len(recent)-th.Limit].Add(th.Window)
	wait := free.Sub(now)
	if wait < time.Second {
		wait = time.Second
	}
	return wait
}
