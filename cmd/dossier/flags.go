package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// newFlags returns a flag set that reports errors instead of exiting. Its
// usage (for -h and "dossier help NAME") is the synopsis, the command's
// summary and every flag, or no Flags: heading when there are none. The
// flag package's own line about a bad flag is not printed: the error is
// returned, and main prints it once, under the usage.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fs.SetOutput(stderr) // for PrintDefaults
		defer fs.SetOutput(io.Discard)
		fmt.Fprintln(stderr, strings.TrimSpace("usage: dossier "+name+" "+synopsis))
		if s := summaryOf(name); s != "" {
			fmt.Fprintf(stderr, "\n%s%s.\n", strings.ToUpper(s[:1]), s[1:])
		}
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprint(stderr, "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args; -h returns errHelp (exit 0), other problems a
// usageError. No positional arguments are accepted unless allowArgs.
func parseFlags(fs *flag.FlagSet, args []string, allowArgs bool) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return usageError{err.Error()}
	}
	if !allowArgs && fs.NArg() > 0 {
		return usageError{fmt.Sprintf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))}
	}
	return nil
}

// errHelp ends a command successfully after printing its help.
var errHelp = errors.New("help requested")
