package cli

import (
	"fmt"

	"wubdesk/internal/wub"
)

// printUndated lists the enrolments whose dates are to be completed (data to
// complete), after the check's warnings: which trainee (by record number
// and name; no NIK), where, and what is missing.
func printUndated(env *Env, r wub.CheckReport) {
	if r.Undated == 0 {
		return
	}
	w := env.Stdout
	fmt.Fprintf(w, "Data perlu dilengkapi: %d pendaftaran tanpa tanggal\n", r.Undated)
	for _, u := range r.UndatedList {
		fmt.Fprintf(w, "  - peserta #%d %s (%s %d, %s): %s\n", u.TraineeID, u.Name, u.AgencyCode, u.Year,
			wub.StatusLabel(u.Status), wub.Message(u.Missing, ""))
	}
	if more := r.Undated - len(r.UndatedList); more > 0 {
		fmt.Fprintf(w, "  … dan %d lagi (lihat Peserta → Data perlu dilengkapi)\n", more)
	}
}
