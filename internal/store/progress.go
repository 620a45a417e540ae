package store

import (
	"context"
	"os"
	"time"

	"wubdesk/internal/wub"
)

// Progress of long file work (a backup, a restore), for a progress bar.
// The caller puts a Progress in the context (WithProgress); the work
// reports its stage and, where it can be measured, how far it is (bytes of
// total; total 0 when unknown). It is called from the working goroutine.
type Progress func(stage string, done, total int64)

// Stages of a backup and a restore.
const (
	StageCopy  = wub.StageCopy
	StageCheck = wub.StageCheck
	StageKeep  = wub.StageKeep
)

type progressKey struct{}

// WithProgress returns a context whose long file work reports to p.
func WithProgress(ctx context.Context, p Progress) context.Context {
	return context.WithValue(ctx, progressKey{}, p)
}

func report(ctx context.Context, stage string, done, total int64) {
	if p, ok := ctx.Value(progressKey{}).(Progress); ok && p != nil {
		p(stage, done, total)
	}
}

// watchFile reports the growing size of path against total until stop is
// called (VACUUM INTO and a file copy give no progress of their own).
func watchFile(ctx context.Context, stage, path string, total int64) (stop func()) {
	if _, ok := ctx.Value(progressKey{}).(Progress); !ok {
		return func() {}
	}
	report(ctx, stage, 0, total)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if st, err := os.Stat(path); err == nil {
					report(ctx, stage, min(st.Size(), total), total)
				}
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		report(ctx, stage, total, total)
	}
}

// keepContext is the context of a restore's last steps: the current file
// is being put away and the restored one takes its place, which must not
// stop half-way, so a Cancel from now on has no effect. Progress goes on,
// reported as StageKeep.
func keepContext(ctx context.Context) context.Context {
	keep := context.WithoutCancel(ctx)
	report(ctx, StageKeep, 0, 0)
	return WithProgress(keep, func(_ string, done, total int64) { report(ctx, StageKeep, done, total) })
}
