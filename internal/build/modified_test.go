package build

import (
	"os"
	"path/filepath"
	"testing"
)

// TestInGitWorkTree: git is run for a dossier in a repository or in a
// folder of one (.git may be a file, as in a worktree or submodule), and
// not for a dossier outside any.
func TestInGitWorkTree(t *testing.T) {
	t.Setenv("GIT_DIR", "")
	outside := t.TempDir()
	if inGitWorkTree(outside) {
		t.Skipf("the temporary folder %s is inside a git repository", outside)
	}
	repo := t.TempDir()
	if err := os.WriteFile(filepath.Join(repo, ".git"), []byte("gitdir: elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(repo, "dossiers", "one")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if !inGitWorkTree(repo) || !inGitWorkTree(sub) {
		t.Errorf("a repository (%t) or a folder in it (%t) was not found to be one", inGitWorkTree(repo), inGitWorkTree(sub))
	}
	t.Setenv("GIT_DIR", filepath.Join(repo, ".git"))
	if !inGitWorkTree(outside) {
		t.Errorf("GIT_DIR set, and git was not to be run")
	}
}
