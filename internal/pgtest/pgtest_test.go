package pgtest

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { Main(m) }

func TestStartQueryRestart(t *testing.T) {
	s := Start(t)
	url := s.NewDatabase(t)
	ctx := context.Background()
	one := func() int {
		c, err := pgx.Connect(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
		var n int
		if err := c.QueryRow(ctx, "SELECT 1").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if one() != 1 {
		t.Fatal("SELECT 1")
	}
	if err := s.Restart(); err != nil {
		t.Fatal(err)
	}
	if one() != 1 {
		t.Fatal("SELECT 1 after restart")
	}
	if err := s.Kill(); err != nil {
		t.Fatal(err)
	}
	if _, err := pgx.Connect(ctx, url); err == nil {
		t.Fatal("connected to a stopped server")
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	if one() != 1 {
		t.Fatal("SELECT 1 after kill and start")
	}
}

func TestSharedDatabases(t *testing.T) {
	a, b := Database(t), Database(t)
	if a == b {
		t.Fatal("two tests share a database")
	}
}
