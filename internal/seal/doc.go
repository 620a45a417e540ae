// Package seal is encryption at rest for the copies of a register that
// leave the PC (backups, handover packages): the age format
// (filippo.io/age) around an io.Writer or io.Reader, the way the other
// format packages work over streams.
//
// A copy is locked with a passphrase (scrypt), with X25519 public keys
// (the receiving office's), or with the office's own key pair. The
// office's private key is kept sealed with the admin's passphrase
// (OfficeKey.Sealed); a file locked to the office carries that sealed key
// in a header stanza of its own, so an automatic backup needs no
// passphrase to write and the admin's passphrase alone opens it anywhere,
// even after the database is lost.
//
// A sealed file is recognised by its header (IsSealed). A wrong passphrase
// or key is wub code seal_wrong_key before a single byte is returned.
//
// Imports the domain (wub, for error codes) and age; never the store.
package seal
