// Command dossier builds, checks and previews briefing dossiers.
//
// Usage:
//
//	dossier build   [-src DIR] [-out DIR] [-drafts] [-base-url URL] [-watch]
//	dossier check   [-src DIR] [-drafts] [-format text|json]
//	dossier serve   [-src DIR] [-bind 127.0.0.1] [-port 8080] [-drafts=true]
//	dossier new     brief|actor|event|commentary|source [-src DIR] [-slug SLUG] [-from FILE] "Title"
//	dossier init    DIR
//	dossier version
//
// Exit status: 0 on success, 1 when the content has errors, 2 on usage
// errors. main only wires the process to run, which tests call directly.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// usageError is a mistake in the command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// contentError means the dossier has errors, already printed (exit 1).
type contentError struct{ count int }

func (e contentError) Error() string {
	if e.count == 1 {
		return "1 error"
	}
	return fmt.Sprintf("%d errors", e.count)
}

func exitCode(err error, stderr io.Writer) int {
	var ue usageError
	var ce contentError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "dossier:", err)
		return 2
	case errors.As(err, &ce):
		fmt.Fprintln(stderr, "dossier:", err)
		return 1
	}
	fmt.Fprintln(stderr, "dossier:", err)
	return 1
}

const usage = `dossier builds, checks and previews briefing dossiers.

Usage:
  dossier build    build the site into site/
  dossier check    check the content without writing anything
  dossier serve    preview with live reload
  dossier new      create a brief, actor, event, commentary or source
  dossier init     start a new dossier in an empty folder
  dossier version  print the version

Run "dossier COMMAND -h" for a command's flags.
`

// run executes one dossier command.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(ctx, rest, stdout, stderr)
	case "check":
		return runCheck(rest, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "new":
		return runNew(ctx, rest, stdout, stderr)
	case "init":
		return runInit(rest, stdout, stderr)
	case "version":
		return runVersion(rest, stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}
