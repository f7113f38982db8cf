package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"newsdesk/internal/auth"
	"newsdesk/internal/config"
	"newsdesk/internal/news"
	"newsdesk/internal/store"
)

// signInLinkTTL is how long a printed one-time sign-in link works.
const signInLinkTTL = 24 * time.Hour

// userCommand runs `newsdesk user SUBCOMMAND`.
func userCommand(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprint(stderr, usage)
		return usageError{errors.New("user: the only subcommand is add")}
	}
	return userAdd(ctx, args[1:], getenv, stdin, stdout, stderr)
}

// userAdd creates a user. A password piped on standard input is set;
// otherwise a one-time sign-in link is printed, with which the user signs
// in and chooses a password.
func userAdd(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("user add", stderr)
	email := fs.String("email", "", "the user's e-mail address (required)")
	role := fs.String("role", "", "admin, editor, author, contributor or reader (required)")
	name := fs.String("name", "", "the user's name")
	baseURL := fs.String("base-url", getenv(config.EnvName("base-url")), "public URL of the site, for the printed link ($"+config.EnvName("base-url")+")")
	cfg, err := config.NewFlags(fs, getenv, false).Parse(args)
	if err != nil {
		return usageError{err}
	}
	if *email == "" || *role == "" || fs.NArg() > 0 {
		return usageError{errors.New("user add: give --email and --role, and nothing else")}
	}
	pw, err := pipedPassword(stdin)
	if err != nil {
		return err
	}
	if pw != "" {
		if err := auth.CheckPasswordRules(pw); err != nil {
			return err
		}
	}

	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := st.CreateUser(ctx, news.User{Email: *email, Name: *name, Role: news.Role(*role)})
	if err != nil {
		return err
	}
	if pw != "" {
		hash, err := auth.HashPassword(pw, auth.DefaultParams)
		if err != nil {
			return err
		}
		if err := st.SetPassword(ctx, u.ID, hash); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "added %s %s (user %d) with the password given\n", u.Role, u.Email, u.ID)
		return nil
	}
	link, err := signInLink(ctx, st, u, cmp.Or(strings.TrimRight(*baseURL, "/"), "http://"+config.DefaultAddr))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "added %s %s (user %d)\n", u.Role, u.Email, u.ID)
	fmt.Fprintf(stdout, "one-time sign-in link (valid for %s): %s\n", signInLinkTTL, link)
	return nil
}

// signInLink makes a one-time sign-in link for u on the site at base.
func signInLink(ctx context.Context, st *store.Store, u news.User, base string) (string, error) {
	raw, err := st.CreateToken(ctx, u.ID, store.TokenSignIn, signInLinkTTL)
	if err != nil {
		return "", err
	}
	return base + "/desk/signin/" + raw, nil
}

// pipedPassword reads a password from stdin when it is not a terminal: the
// first line, without its line ending. A terminal is never read, so that
// the command does not wait for input nobody knows to type.
func pipedPassword(stdin io.Reader) (string, error) {
	if stdin == nil {
		return "", nil
	}
	if f, ok := stdin.(*os.File); ok {
		fi, err := f.Stat()
		if err != nil || fi.Mode()&os.ModeCharDevice != 0 {
			return "", nil
		}
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
