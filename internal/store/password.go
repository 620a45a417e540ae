package store

import (
	"sync"

	"wubdesk/internal/passhash"
)

func hashPassword(pw string) string         { return passhash.Hash(pw) }
func checkPassword(pw, encoded string) bool { return passhash.Check(pw, encoded) }

// dummyHash is checked against when a user name is unknown, so that the
// answer takes as long as for a known name.
// Made on first use: hashing costs ~30 ms, which every start would pay.
var dummyHash = sync.OnceValue(func() string { return hashPassword("wubdesk-no-such-user") })
