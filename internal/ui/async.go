package ui

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// jobs runs database work off the UI goroutine. Each job's result is handed
// to its callback inside fyne.Do, the only place widgets may change.
//
// Fyne's test driver runs fyne.Do callbacks at once on the calling
// goroutine, which would race with the test. With queued set (tests), the
// callbacks wait in a queue until the test calls wait, which runs them on
// the test goroutine, as the real driver runs them on the main goroutine.
type jobs struct {
	wg     sync.WaitGroup
	queued bool
	mu     sync.Mutex
	queue  []func()
}

// run calls work on a new goroutine and then done(err) on the UI goroutine.
func (j *jobs) run(work func() error, done func(error)) {
	j.wg.Add(1)
	go func() {
		defer j.wg.Done()
		err := work()
		j.deliver(func() { done(err) })
	}()
}

func (j *jobs) deliver(f func()) {
	if j.queued {
		j.mu.Lock()
		j.queue = append(j.queue, f)
		j.mu.Unlock()
		return
	}
	fyne.Do(f)
}

// after calls f on the UI goroutine after d; tests (queued) skip it.
func (j *jobs) after(d time.Duration, f func()) *time.Timer {
	if j.queued {
		return nil
	}
	return time.AfterFunc(d, func() { fyne.Do(f) })
}

// wait blocks until every job started so far, and the jobs their callbacks
// start, has finished and delivered (tests only).
func (j *jobs) wait() {
	for {
		j.wg.Wait()
		j.mu.Lock()
		q := j.queue
		j.queue = nil
		j.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

// latest runs at most one job of a kind at a time from the user's point of
// view: starting a new one cancels the previous, whose result is dropped.
// The search box uses it so that only the newest keystroke's result shows.
type latest struct {
	mu     sync.Mutex
	cancel context.CancelFunc
	gen    uint64
}

// start cancels the previous job and returns the new job's context, a child
// of parent (the screen's context, u.screenCtx()), and a function that
// reports whether the job is still the newest. Call current only on the UI
// goroutine.
func (l *latest) start(parent context.Context) (context.Context, func() bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cancel != nil {
		l.cancel()
	}
	ctx, cancel := context.WithCancel(parent)
	l.cancel = cancel
	l.gen++
	g := l.gen
	return ctx, func() bool {
		l.mu.Lock()
		defer l.mu.Unlock()
		return l.gen == g
	}
}

// lifetimes are the contexts screens run their work with. The window's
// context ends when the window closes; a visit's context ends when the
// navigation leaves the screen (shows another one, or the same one anew) or
// the window closes. Reads a screen owns run with its visit's context
// (screenCtx, load); saves run with the window's (appCtx), so that clicking
// another screen never drops a save half-way.
type lifetimes struct {
	mu       sync.Mutex
	life     context.Context
	endLife  context.CancelFunc
	visit    context.Context
	endVisit context.CancelFunc
	n        uint64 // the visit's number
}

func (l *lifetimes) init() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.life == nil {
		l.life, l.endLife = context.WithCancel(context.Background())
		l.visit, l.endVisit = context.WithCancel(l.life)
	}
}

// enter begins a new visit (navigation.open calls it before the screen is
// built or shown), cancelling the previous one.
func (l *lifetimes) enter() {
	l.init()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.endVisit()
	l.visit, l.endVisit = context.WithCancel(l.life)
	l.n++
}

// close cancels everything: the window is closing.
func (l *lifetimes) close() {
	l.init()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.endVisit()
	l.endLife()
}

func (l *lifetimes) current() (context.Context, uint64) {
	l.init()
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.visit, l.n
}

// screenCtx is the context of the screen shown now: cancelled when the
// clerk leaves it or closes the window.
func (u *App) screenCtx() context.Context {
	ctx, _ := u.life.current()
	return ctx
}

// appCtx is the window's context, for work that must not stop when the
// screen changes (saves, deletes, files being written): cancelled only when
// the window closes.
func (u *App) appCtx() context.Context {
	u.life.init()
	u.life.mu.Lock()
	defer u.life.mu.Unlock()
	return u.life.life
}

// visitNow returns the context of the screen shown now and a function that
// reports, on the UI goroutine, whether that screen is still shown (the
// same visit, the window open).
func (u *App) visitNow() (context.Context, func() bool) {
	ctx, n := u.life.current()
	return ctx, func() bool {
		c, m := u.life.current()
		return m == n && c.Err() == nil
	}
}

// load is how a screen reads what it shows: fetch runs off the UI goroutine
// with the screen's context, and apply gets the result inside fyne.Do, only
// if the screen is still the one shown and, with q set, the request is q's
// newest (fast typing never shows stale rows). Leaving the screen or closing
// the window cancels the fetch. An error is shown unless the load was
// cancelled or is stale.
func load[T any](u *App, q *latest, fetch func(ctx context.Context) (T, error), apply func(T)) {
	ctx, still := u.visitNow()
	newest := func() bool { return true }
	if q != nil {
		ctx, newest = q.start(ctx)
	}
	var v T
	u.jobs.run(func() error {
		var err error
		v, err = fetch(ctx)
		return err
	}, func(err error) {
		if !still() || !newest() {
			return
		}
		if err != nil {
			if ctx.Err() == nil {
				u.showError(err)
			}
			return
		}
		apply(v)
	})
}

// milestone writes how long after the process start a start-up milestone
// was reached, once each, when Options.Timing is set (no personal data).
func (u *App) milestone(what string) {
	if !u.opts.Timing || u.milestones[what] {
		return
	}
	if u.milestones == nil {
		u.milestones = map[string]bool{}
	}
	u.milestones[what] = true
	fmt.Fprintf(os.Stderr, "wubdesk timing: %s %d ms\n", what, time.Since(u.opts.Started).Milliseconds())
}
