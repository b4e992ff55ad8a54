// Package watch reports changes to a dossier's source files in debounced
// batches. It is the only package that knows fsnotify.
//
// # What is watched
//
// Options.Paths names the folders and files of interest, slash-separated
// and relative to Options.Root: typically "content", "templates",
// "static" and "dossier.yaml". Folders are watched recursively, including
// subfolders created after New (a watch is added when the folder appears,
// and the files already inside it are reported). Paths that do not exist
// yet are fine: their parent folders, up to Root, are watched so that their
// creation is noticed. Everything else under Root (site/, .git/, README.md)
// is ignored. An empty Paths means all of Root.
//
// # What is reported
//
// A Batch lists the paths that changed, sorted, unique, slash-separated and
// relative to Root. Created, written, removed and renamed files are
// reported; a rename reports both the old and the new name. The watcher
// does not say what happened: the caller stats each path and finds it
// present or gone. A created folder is not reported itself, but every file
// inside it is; a removed or renamed folder is reported by its own path
// (and the files inside it when the system reports them).
//
// Ignored, by base name: editor temporary and swap files (vim ".x.swp",
// ".swo", ".swn" ... and ".swx", vim's write probe "4913" (and 5036, 5159,
// ... which vim tries next), "x~" backups, emacs lock files ".#x" and
// auto-saves "#x#", macOS ".DS_Store", "*.tmp" and "*.tmp<digits>"
// (VS Code and other atomic savers), GNOME ".goutputstream-*", JetBrains
// "*___jb_tmp___" and "*___jb_old___", and GNU sed -i's "sedXXXXXX" (sed
// followed by six letters or digits, no extension). Chmod-only events are
// ignored. Because atomic savers rename their temporary file over the
// target, a save shows up as a change of the target.
//
// # Debouncing
//
// Events are gathered until Options.Debounce (default 100ms) has passed
// without a new relevant event, then one Batch is sent. A continuous stream
// still produces a batch at least every Options.MaxWait (default 1s). A
// "git checkout" that touches hundreds of files yields one batch. While the
// receiver is busy (building), changes keep accumulating and are delivered
// as one batch when it next receives; the watcher never blocks on it.
//
// If the system's event queue overflows, events were lost: the watcher then
// reports every path of Options.Paths so that the caller rebuilds all.
//
// Errors from the system (a folder that cannot be watched, an overflow) are
// passed to Options.Logf when it is set, and sent to Errors without
// blocking (dropped when nobody receives them).
//
// A Watcher is safe for concurrent use; Close may be called more than once.
package watch
