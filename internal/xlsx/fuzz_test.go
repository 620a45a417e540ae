package xlsx

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// FuzzCellRoundTrip writes arbitrary text into the user-typed columns of a
// submission, reads the workbook back and checks that the values come back
// exactly as sanitized, that the checksum verifies and that a value that
// looks like a formula stays text.
func FuzzCellRoundTrip(f *testing.F) {
	for _, s := range []string{"Siti Aminah", "=1+1", "@SUM(A1)", "-", "+62 812", "_x0041_", "_x005F_x0041_", "a\r\nb\rc",
		" lead and trail ", "\x00\x01bad\x1f", "<&>\"'", "💡 Ñañá", "\ufffe\uffff", strings.Repeat("panjang ", 5000), "\xff\xfe"} {
		f.Add(s)
	}
	a := wub.Agency{Code: wub.DKP, FirstYear: 2020, Names: []wub.AgencyName{{Short: "DKP", Full: "Dinas Kelautan dan Perikanan"}}}
	f.Fuzz(func(t *testing.T, s string) {
		tr := &wub.Trainee{NIK: "3528045203950001", Name: s, Sex: "P", BirthPlace: s, Address: s, Education: s, BusinessName: s}
		e := &wub.Enrolment{AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusTrained, BatchName: s,
			CompletedOn: time.Date(2024, 6, 3, 0, 0, 0, 0, time.UTC)}
		var buf bytes.Buffer
		_, err := WriteSubmission(&buf, Submission{Agency: a, Month: e.CompletedOn, AppVersion: "fuzz",
			Now: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)}, func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
			return emit(tr, e)
		})
		if err != nil {
			t.Fatal(err)
		}
		r := ReadSubmission(bytes.NewReader(buf.Bytes()), "fuzz.xlsx")
		if !r.OK() {
			t.Fatalf("%q: %v", s, r.Err)
		}
		want := sanitize(s)
		if len(r.Rows) != 1 || r.Rows[0].Name != want || r.Rows[0].Batch != want {
			t.Fatalf("%q came back as %+v, want %q", s, r.Rows, want)
		}
	})
}
