// Package platform holds small checks about the computer WUBDesk runs on
// that the GUI and the headless commands share, such as warning when the
// database sits in a cloud-synced folder. It imports the standard library
// and internal/wub (for messages) only, and golang.org/x/sys for free space.
package platform
