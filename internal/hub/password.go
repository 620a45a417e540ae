package hub

import (
	"sync"

	"wubdesk/internal/passhash"
)

// Password hashes as the office's (internal/passhash): argon2id with
// OWASP's minimum cost, parameters kept in each PHC string.
func hashPassword(pw string) string         { return passhash.Hash(pw) }
func checkPassword(pw, encoded string) bool { return passhash.Check(pw, encoded) }

// dummyHash is checked for unknown user names so they answer as slowly.
var dummyHash = sync.OnceValue(func() string { return hashPassword("wubdesk-hub-no-such-user") })
