// Command dossier builds, checks and previews briefing dossiers.
//
// Usage:
//
//	dossier build   [-src DIR] [-out DIR] [-drafts] [-base-url URL] [-cache DIR] [-watch]
//	dossier check   [-src DIR] [-drafts] [-format text|json|github]
//	dossier serve   [-src DIR] [-bind 127.0.0.1] [-port 8080] [-drafts=true] [-base-url URL]
//	                [-cache DIR] [-allow-host NAME]... [-expose]
//	dossier new     brief|actor|event|commentary|source [-src DIR] [-slug SLUG] [-from FILE] "Title"
//	dossier init    DIR
//	dossier eject   [-src DIR] [-diff] [-record] [templates|static] [NAME...]
//	dossier version
//	dossier help    [COMMAND]
//
// "dossier help COMMAND" and "dossier COMMAND -h" print a command's usage
// and every flag; "dossier --version" is "dossier version".
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

// command is one of dossier's subcommands.
type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands lists the subcommands in the order the usage shows them.
func commands() []command {
	return []command{
		{"build", "build the site into site/", runBuild},
		{"check", "check the content without writing anything", func(_ context.Context, args []string, stdout, stderr io.Writer) error {
			return runCheck(args, stdout, stderr)
		}},
		{"serve", "preview with live reload", runServe},
		{"new", "create a brief, actor, event, commentary or source", runNew},
		{"init", "start a new dossier in an empty folder", runInit},
		{"eject", "copy built-in templates or static files into the dossier, to change them", runEject},
		{"version", "print the version, revision, Go version and platform", runVersion},
		{"help", "show a command's usage and flags: dossier help COMMAND", nil},
	}
}

// lookup returns the named command.
func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return c, true
		}
	}
	return command{}, false
}

// summaryOf is the one-line description of the named command.
func summaryOf(name string) string {
	c, _ := lookup(name)
	return c.summary
}

// printUsage prints the list of commands.
func printUsage(w io.Writer) {
	fmt.Fprint(w, "dossier builds, checks and previews briefing dossiers.\n\nUsage:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  dossier %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun \"dossier help COMMAND\" or \"dossier COMMAND -h\" for a command's usage and flags.\n")
}

// run executes one dossier command.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		printUsage(stderr)
		return usageError{"no command given"}
	}
	name, rest := args[0], args[1:]
	switch name {
	case "-h", "-help", "--help":
		printUsage(stdout)
		return nil
	case "help":
		return runHelp(ctx, rest, stdout)
	case "-version", "--version":
		return runVersion(ctx, rest, stdout, stderr)
	}
	if c, ok := lookup(name); ok {
		return c.run(ctx, rest, stdout, stderr)
	}
	printUsage(stderr)
	return usageError{fmt.Sprintf("unknown command %q", name)}
}

// runHelp implements "dossier help [COMMAND]": the list of commands, or
// one command's usage and flags, on stdout.
func runHelp(ctx context.Context, args []string, stdout io.Writer) error {
	switch len(args) {
	case 0:
		printUsage(stdout)
		return nil
	case 1:
		if args[0] == "help" {
			printUsage(stdout)
			return nil
		}
		c, ok := lookup(args[0])
		if !ok {
			return usageError{fmt.Sprintf("help: unknown command %q: run dossier help for the list", args[0])}
		}
		return c.run(ctx, []string{"-h"}, stdout, stdout)
	}
	return usageError{"help: give one command, e.g. dossier help build"}
}
