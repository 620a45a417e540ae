// Package instance keeps one WUBDesk per database file on a computer: two
// windows writing the same file would each think their view is current.
// The first launch holds an OS file lock on "<database>.lock" for its whole
// life (released by the OS even if the process dies) and listens on a
// loopback port written into that file; a second launch finds the lock
// taken, asks the first to come to the front through that port, and stops
// with db_locked.
//
// It imports wub (for the message) and golang.org/x/sys; never fyne or the
// store.
package instance

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"wubdesk/internal/wub"
)

// Lock is the running instance's hold on a database file.
type Lock struct {
	dbPath string
	f      *os.File // <resolved path>.lock
	idf    *os.File // the lock on the file's identity (nil for a new file)
	idKey  string
	ln     net.Listener
	// readOnly: the folder cannot be written, so there is no lock file.
	readOnly bool
	token    string

	mu         sync.Mutex
	onActivate func()
}

// LockedError says another WUBDesk has the file open. Activated reports
// whether that instance answered the request to come to the front.
type LockedError struct {
	DBPath    string
	Activated bool
}

func (e *LockedError) Error() string { return e.Unwrap().Error() }

// Unwrap gives wub.ErrorCode the code db_locked.
func (e *LockedError) Unwrap() error { return wub.Errorf("db_locked", filepath.Base(e.DBPath)) }

// held guards against a second Acquire in the same process, which some
// platforms' locks would grant. Keys are resolved paths and file identities.
var held = struct {
	sync.Mutex
	m map[string]*Lock
}{m: map[string]*Lock{}}

// LockPath is the lock file of a database.
func LockPath(dbPath string) string { return dbPath + ".lock" }

// IdentityLockDir holds one lock file per database file identity (device
// and inode; volume serial and file ID on Windows), shared by every name the
// file has: a hard link or a symlink is the same file and must meet the
// same lock (issue 25: two WALs serving one file lost 29,993 trainees).
var IdentityLockDir = filepath.Join(os.TempDir(), "wubdesk-locks")

// Acquire takes the database's lock. When another WUBDesk holds it, Acquire
// asks that one to come to the front and returns a *LockedError.
func Acquire(dbPath string) (*Lock, error) { return acquire(dbPath, true) }

// AcquireQuietly is Acquire without asking the holder to come to the front
// (headless commands).
func AcquireQuietly(dbPath string) (*Lock, error) { return acquire(dbPath, false) }

// resolve makes dbPath absolute and follows symlinks (of the file, or of
// its folder when the file does not exist yet).
func resolve(dbPath string) (string, error) {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return "", err
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r, nil
	}
	if d, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(d, filepath.Base(abs)), nil
	}
	return abs, nil
}

func acquire(dbPath string, activate bool) (*Lock, error) {
	abs, err := resolve(dbPath)
	if err != nil {
		return nil, err
	}
	held.Lock()
	defer held.Unlock()
	key, hasKey := identity(abs)
	other := held.m[abs]
	if other == nil && hasKey {
		other = held.m["id:"+key]
	}
	if other != nil {
		if activate {
			go other.activate() // not under held: the callback may take locks of its own
		}
		return nil, &LockedError{DBPath: abs, Activated: activate}
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, err
	}
	f, err := lockFile(LockPath(abs))
	if err != nil && readOnlyPlace(err) {
		// A read-only folder or medium (a CD, a locked flash drive): no
		// lock file can be made, and none is needed, since nobody can write
		// the database there. The app opens it read-only.
		l := &Lock{dbPath: abs, readOnly: true}
		held.m[abs] = l
		return l, nil
	}
	if err != nil {
		return nil, err
	}
	if f == nil {
		return nil, &LockedError{DBPath: abs, Activated: activate && askToActivate(LockPath(abs))}
	}
	l := &Lock{dbPath: abs, f: f}
	if hasKey {
		idPath, err := identityLockPath(key)
		if err == nil {
			idf, err := lockFile(idPath)
			if err != nil {
				unlock(f)
				f.Close()
				return nil, err
			}
			if idf == nil { // the same file under another name
				unlock(f)
				f.Close()
				return nil, &LockedError{DBPath: abs, Activated: activate && askToActivate(idPath)}
			}
			l.idf, l.idKey = idf, key
		}
	}
	l.listen()
	held.m[abs] = l
	if l.idf != nil {
		held.m["id:"+l.idKey] = l
	}
	return l, nil
}

// readOnlyPlace reports an error that says the folder cannot be written.
func readOnlyPlace(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, os.ErrPermission)
}

// lockFile opens and locks path: nil, nil when another process holds it.
func lockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		return nil, err
	}
	ok, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("mengunci %s: %w", path, err)
	}
	if !ok {
		f.Close()
		return nil, nil
	}
	return f, nil
}

// identityLockPath is the identity's lock file, in a folder every user of
// the computer can write (sticky, like /tmp).
func identityLockPath(key string) (string, error) {
	if err := os.MkdirAll(IdentityLockDir, 0o777); err != nil {
		return "", err
	}
	os.Chmod(IdentityLockDir, 0o777|os.ModeSticky)
	return filepath.Join(IdentityLockDir, key+".lock"), nil
}

// OnActivate sets what to do when a second launch asks this instance to come
// to the front (the GUI shows and raises its window, inside fyne.Do). It is
// called on a background goroutine.
func (l *Lock) OnActivate(fn func()) {
	l.mu.Lock()
	l.onActivate = fn
	l.mu.Unlock()
}

func (l *Lock) activate() {
	l.mu.Lock()
	fn := l.onActivate
	l.mu.Unlock()
	if fn != nil {
		fn()
	}
}

// Release gives the lock up (also done by the OS when the process ends).
// The lock files stay: deleting one would let two launches lock two files.
func (l *Lock) Release() error {
	held.Lock()
	defer held.Unlock()
	if held.m[l.dbPath] != l {
		return nil
	}
	delete(held.m, l.dbPath)
	if l.readOnly {
		return nil
	}
	if l.ln != nil {
		l.ln.Close()
	}
	if l.idf != nil {
		delete(held.m, "id:"+l.idKey)
		l.idf.Truncate(0)
		unlock(l.idf)
		l.idf.Close()
	}
	l.f.Truncate(0)
	unlock(l.f)
	return l.f.Close()
}

// listen opens the loopback port and writes it, with a random token that
// only readers of the lock file know, into the lock files. It is a
// courtesy (a second launch brings this window to the front): when it
// fails, on a full disk for one, the lock holds all the same.
func (l *Lock) listen() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return
	}
	var r [16]byte
	rand.Read(r[:])
	l.ln, l.token = ln, hex.EncodeToString(r[:])
	line := fmt.Sprintf("wubdesk %d %s %d\n", ln.Addr().(*net.TCPAddr).Port, l.token, os.Getpid())
	for _, f := range []*os.File{l.f, l.idf} {
		if f == nil {
			continue
		}
		if f.Truncate(0) == nil {
			if _, err := f.WriteAt([]byte(line), 0); err == nil {
				f.Sync()
			}
		}
	}
	go l.serve()
}

func (l *Lock) serve() {
	for {
		c, err := l.ln.Accept()
		if err != nil {
			return // closed by Release
		}
		go func() {
			defer c.Close()
			c.SetDeadline(time.Now().Add(2 * time.Second))
			line, _ := bufio.NewReader(c).ReadString('\n')
			if strings.TrimSpace(line) != "activate "+l.token {
				return
			}
			l.activate()
			c.Write([]byte("ok\n"))
		}()
	}
}

// askToActivate reads the holder's port from the lock file and asks it to
// come to the front. The holder may be between locking and writing the
// port, so the file is read again for up to a second.
func askToActivate(lockPath string) bool {
	deadline := time.Now().Add(time.Second)
	for {
		port, token, err := readLockFile(lockPath)
		if err == nil {
			return sendActivate(port, token)
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func readLockFile(path string) (port int, token string, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, "", err
	}
	var pid int
	if _, err := fmt.Sscanf(string(b), "wubdesk %d %s %d", &port, &token, &pid); err != nil {
		return 0, "", errors.New("lock file not written yet")
	}
	return port, token, nil
}

func sendActivate(port int, token string) bool {
	c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
	if err != nil {
		return false
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(2 * time.Second))
	if _, err := c.Write([]byte("activate " + token + "\n")); err != nil {
		return false
	}
	reply, _ := bufio.NewReader(c).ReadString('\n')
	return reply == "ok\n"
}
