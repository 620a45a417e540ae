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
	"time"

	"wubdesk/internal/wub"
)

// Lock is the running instance's hold on a database file.
type Lock struct {
	dbPath string
	f      *os.File
	ln     net.Listener
	token  string

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
// platforms' locks would grant.
var held = struct {
	sync.Mutex
	m map[string]*Lock
}{m: map[string]*Lock{}}

// LockPath is the lock file of a database.
func LockPath(dbPath string) string { return dbPath + ".lock" }

// Acquire takes the database's lock. When another WUBDesk holds it, Acquire
// asks that one to come to the front and returns a *LockedError.
func Acquire(dbPath string) (*Lock, error) { return acquire(dbPath, true) }

// AcquireQuietly is Acquire without asking the holder to come to the front
// (headless commands).
func AcquireQuietly(dbPath string) (*Lock, error) { return acquire(dbPath, false) }

func acquire(dbPath string, activate bool) (*Lock, error) {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return nil, err
	}
	held.Lock()
	defer held.Unlock()
	if other := held.m[abs]; other != nil {
		if activate {
			go other.activate() // not under held: the callback may take locks of its own
		}
		return nil, &LockedError{DBPath: abs, Activated: activate}
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(LockPath(abs), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	ok, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("mengunci %s: %w", LockPath(abs), err)
	}
	if !ok {
		f.Close()
		return nil, &LockedError{DBPath: abs, Activated: activate && askToActivate(LockPath(abs))}
	}
	l := &Lock{dbPath: abs, f: f}
	if err := l.listen(); err != nil {
		unlock(f)
		f.Close()
		return nil, err
	}
	held.m[abs] = l
	return l, nil
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
// The lock file stays: deleting it would let two launches lock two files.
func (l *Lock) Release() error {
	held.Lock()
	defer held.Unlock()
	if held.m[l.dbPath] != l {
		return nil
	}
	delete(held.m, l.dbPath)
	l.ln.Close()
	l.f.Truncate(0)
	unlock(l.f)
	return l.f.Close()
}

// listen opens the loopback port and writes it, with a random token that
// only readers of the lock file know, into the lock file.
func (l *Lock) listen() error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	var r [16]byte
	rand.Read(r[:])
	l.ln, l.token = ln, hex.EncodeToString(r[:])
	line := fmt.Sprintf("wubdesk %d %s %d\n", ln.Addr().(*net.TCPAddr).Port, l.token, os.Getpid())
	if err := l.f.Truncate(0); err != nil {
		ln.Close()
		return err
	}
	if _, err := l.f.WriteAt([]byte(line), 0); err != nil {
		ln.Close()
		return err
	}
	l.f.Sync()
	go l.serve()
	return nil
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
