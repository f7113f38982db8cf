// Command newsdesk is the newsroom's editing desk and the public news site in
// one program. See the README for its commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // editions name IANA zones; the binary must not depend on the host's zoneinfo

	"newsdesk/internal/news"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) && !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, "newsdesk:", err)
		}
		os.Exit(exitCode(err))
	}
}

const usage = `newsdesk: a news publishing platform

Usage:
  newsdesk serve  [--addr 127.0.0.1:8080] [--data ./newsdesk-data] [--database URL] [--base-url URL] [--demo]
                  [--smtp-host HOST] [--smtp-port 587] [--smtp-username U] [--smtp-password P]
                  [--smtp-from "newsdesk <noreply@localhost>"] [--smtp-tls none|starttls|tls]
  newsdesk import [--data DIR] [--database URL] [--edition CODE] [--section NAME] [--format auto|text] PATH...
  newsdesk user add --email E --role admin|editor|author|contributor|reader [--name N] [--base-url URL] [--data DIR] [--database URL]
      (a password piped on standard input is set; otherwise a one-time sign-in link is printed)

Every flag can also be set by an environment variable NEWSDESK_<FLAG>,
e.g. NEWSDESK_DATABASE=postgres://user@host/db.
`

// run is the whole program, callable from tests with its own arguments,
// environment and streams.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{errors.New("no command given")}
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "serve":
		return serve(ctx, rest, getenv, stdout, stderr)
	case "import":
		return importFiles(ctx, rest, getenv, stdout, stderr)
	case "user":
		return userCommand(ctx, rest, getenv, stdin, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return usageError{fmt.Errorf("unknown command %q", cmd)}
	}
}

// usageError marks a mistake in how newsdesk was called.
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// errReported means the command has already told the user what went wrong.
var errReported = errors.New("errors reported above")

// exitCode is 2 for bad input (usage, invalid files), 1 for everything else.
func exitCode(err error) int {
	var ue usageError
	switch {
	case errors.As(err, &ue), errors.Is(err, flag.ErrHelp), errors.Is(err, news.ErrInvalid), errors.Is(err, errReported):
		return 2
	}
	return 1
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("newsdesk "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}
