package wub

import (
	"fmt"
	"strings"
)

// Severity says whether an issue blocks saving.
type Severity int

const (
	// Warning is shown but never blocks saving.
	Warning Severity = iota
	// Error blocks saving the record or importing the row.
	Error
)

// Issue is one finding about one field of a record: a stable code for
// scripts and reports, the field it concerns and a message for the clerk.
type Issue struct {
	Field    string   // e.g. "nik", "birth_date"
	Code     string   // e.g. "nik_format"
	Severity Severity //
	Args     []any    // values for the message template
	Msg      string   // catalogue key of the message when it differs from Code
}

func (i Issue) Error() string { return i.Message() }

// Message is the issue in the current language (Indonesian by default).
func (i Issue) Message() string {
	key := i.Msg
	if key == "" {
		key = i.Code
	}
	return Message(key, i.Field, i.Args...)
}

// Issues is the result of checking a record.
type Issues []Issue

// HasErrors reports whether any issue blocks saving.
func (is Issues) HasErrors() bool {
	for _, i := range is {
		if i.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns the blocking issues only.
func (is Issues) Errors() Issues { return is.filter(Error) }

// Warnings returns the non-blocking issues only.
func (is Issues) Warnings() Issues { return is.filter(Warning) }

func (is Issues) filter(s Severity) Issues {
	var out Issues
	for _, i := range is {
		if i.Severity == s {
			out = append(out, i)
		}
	}
	return out
}

// ForField returns the issues of one field.
func (is Issues) ForField(field string) Issues {
	var out Issues
	for _, i := range is {
		if i.Field == field {
			out = append(out, i)
		}
	}
	return out
}

// Codes returns the distinct codes in order of appearance.
func (is Issues) Codes() []string {
	var out []string
	seen := map[string]bool{}
	for _, i := range is {
		if !seen[i.Code] {
			seen[i.Code] = true
			out = append(out, i.Code)
		}
	}
	return out
}

// Error implements error so that a failed validation can be returned as one.
func (is Issues) Error() string {
	msgs := make([]string, 0, len(is))
	for _, i := range is {
		msgs = append(msgs, i.Message())
	}
	return strings.Join(msgs, "; ")
}

// Err is a domain error with a code and a message safe to show a user.
// Codes are stable; messages follow the current language.
type Err struct {
	Code string
	Args []any
}

func (e *Err) Error() string { return Message(e.Code, "", e.Args...) }

// Errorf returns an *Err with the given code and message arguments.
func Errorf(code string, args ...any) *Err { return &Err{Code: code, Args: args} }

// ErrorCode returns the code of a domain error, "" for any other error.
func ErrorCode(err error) string {
	switch e := err.(type) {
	case *Err:
		return e.Code
	case Issue:
		return e.Code
	case Issues:
		if len(e) > 0 {
			return e[0].Code
		}
	}
	if u, ok := err.(interface{ Unwrap() error }); ok && u.Unwrap() != nil {
		return ErrorCode(u.Unwrap())
	}
	return ""
}

func issuef(field, code string, sev Severity, args ...any) Issue {
	return Issue{Field: field, Code: code, Severity: sev, Args: args}
}

// fmtArgs formats a message template; a missing template shows the code so
// that a gap in the catalogue is visible instead of silent.
func fmtArgs(tmpl, code string, args ...any) string {
	if tmpl == "" {
		if len(args) == 0 {
			return code
		}
		return fmt.Sprint(append([]any{code + ": "}, args...)...)
	}
	if len(args) == 0 {
		return tmpl
	}
	return fmt.Sprintf(tmpl, args...)
}
