// Package passhash hashes the passwords of office users (internal/store)
// and hub users (internal/hub) the same way: argon2id, parameters kept in
// each PHC string. Standard library and golang.org/x/crypto only.
package passhash

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// argonParams are the cost of a new password hash: OWASP's argon2id
// minimum (19 MiB, 2 passes, 1 lane), about 30 ms on an office PC. The
// parameters are stored in each hash, so they can be raised later without
// locking anyone out.
var argonParams = struct {
	memory  uint32 // KiB
	time    uint32
	threads uint8
}{19 * 1024, 2, 1}

const argonKeyLen = 32

// Hash returns the PHC string $argon2id$v=19$m=..,t=..,p=..$salt$hash.
func Hash(pw string) string {
	salt := make([]byte, 16)
	rand.Read(salt)
	p := argonParams
	key := argon2.IDKey([]byte(pw), salt, p.time, p.memory, p.threads, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.memory, p.time, p.threads,
		enc.EncodeToString(salt), enc.EncodeToString(key))
}

// Check compares pw with a stored hash in constant time. A hash it
// cannot read never matches.
func Check(pw, encoded string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var v int
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || m > 1<<22 || t == 0 || t > 100 || p == 0 {
		return false
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[4])
	want, err2 := enc.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// CheapForTests lowers the cost of new hashes (tests hash hundreds) and
// returns the function that puts it back. Hashes keep their own
// parameters, so both kinds check.
func CheapForTests() (restore func()) {
	saved := argonParams
	argonParams.memory, argonParams.time = 64, 1
	return func() { argonParams = saved }
}
