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

// start cancels the previous job and returns the new job's context and a
// function that reports whether the job is still the newest. Call current
// only on the UI goroutine.
func (l *latest) start() (context.Context, func() bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cancel != nil {
		l.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	l.cancel = cancel
	l.gen++
	g := l.gen
	return ctx, func() bool {
		l.mu.Lock()
		defer l.mu.Unlock()
		return l.gen == g
	}
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
