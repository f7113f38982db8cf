// Package e2e holds newsdesk's end-to-end tests: they build the real
// newsdesk binary, run it on a loopback port with a fresh data folder, and
// drive Debian's Chromium against it the way a reader would, following real
// links on real pages. The package has no code of its own besides this
// comment; everything lives in its _test.go files.
package e2e
