package store

import (
	"strings"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

func TestContractOverlapRefused(t *testing.T) {
	db := openTest(t)
	a := addFacilitator(t, db, 1, "Ahmad")
	first := addContract(t, db, a.ID, wub.DISKOPUKM, 2023, day(2023, 1, 2), day(2023, 6, 30), 20, "027/SPK/DISKOP/2023")

	tests := []struct {
		name       string
		agency     string
		year       int
		start, end time.Time
		code       string // "" when accepted
		warn       string
	}{
		{"same agency, overlapping", wub.DISKOPUKM, 2023, day(2023, 6, 1), day(2023, 12, 31), "contract_overlap", ""},
		{"same agency, sharing one day", wub.DISKOPUKM, 2023, day(2023, 6, 30), day(2023, 12, 31), "contract_overlap", ""},
		{"same agency, inside", wub.DISKOPUKM, 2023, day(2023, 2, 1), day(2023, 2, 28), "contract_overlap", ""},
		{"other agency at the same time", wub.DKP, 2023, day(2023, 3, 1), day(2023, 12, 31), "", "contract_other_agency"},
		{"same agency, second half", wub.DISKOPUKM, 2023, day(2023, 7, 1), day(2023, 12, 31), "", "contract_other_agency"},
		{"same agency, next year", wub.DISKOPUKM, 2024, day(2024, 1, 2), day(2024, 12, 31), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &wub.Contract{FacilitatorID: a.ID, AgencyCode: tt.agency, Year: tt.year, StartDate: tt.start, EndDate: tt.end}
			warns, err := db.CreateContract(ctx, c)
			if wub.ErrorCode(err) != tt.code {
				t.Fatalf("err = %v, want code %q", err, tt.code)
			}
			if tt.code == "contract_overlap" {
				msg := err.Error()
				for _, want := range []string{"027/SPK/DISKOP/2023", "Diskop UKM dan Naker", "2023", "02/01/2023", "30/06/2023", "bertabrakan"} {
					if !strings.Contains(msg, want) {
						t.Errorf("message %q lacks %q", msg, want)
					}
				}
				if c.ID != 0 {
					t.Error("refused contract got an ID")
				}
			}
			if got := strings.Join(warns.Codes(), ","); got != tt.warn {
				t.Errorf("warnings = %q, want %q", got, tt.warn)
			}
		})
	}
	cs, err := db.Contracts(ctx, ContractFilter{FacilitatorID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 4 {
		t.Fatalf("saved %d contracts, want 4: %+v", len(cs), cs)
	}

	// Moving the first contract into the second half is refused too.
	moved := *first
	moved.EndDate = day(2023, 7, 15)
	if _, err := db.UpdateContract(ctx, &moved); wub.ErrorCode(err) != "contract_overlap" {
		t.Errorf("update into an overlap: %v", err)
	}
	// ... and the database itself refuses what the store would have.
	_, err = db.w.Exec(`INSERT INTO contract (facilitator_id, year, agency_code, start_date, end_date, created_at, updated_at)
		VALUES (?, 2023, 'DISKOPUKM', '2023-03-01', '2023-03-31', 'x', 'x')`, a.ID)
	if err == nil || !strings.Contains(err.Error(), "bertabrakan") {
		t.Errorf("trigger: %v", err)
	}
	// A deleted contract no longer blocks its days.
	if err := db.DeleteContract(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateContract(ctx, &wub.Contract{FacilitatorID: a.ID, AgencyCode: wub.DISKOPUKM, Year: 2023,
		StartDate: day(2023, 1, 2), EndDate: day(2023, 6, 30)}); err != nil {
		t.Errorf("after deleting the old contract: %v", err)
	}
}

func TestContractHistoryIsKept(t *testing.T) {
	db := openTest(t)
	a := addFacilitator(t, db, 1, "Ahmad")
	addContract(t, db, a.ID, wub.DPMPTSP, 2022, day(2022, 1, 3), day(2022, 12, 30), 30, "A/2022")
	c := addContract(t, db, a.ID, wub.DISKOPUKM, 2023, day(2023, 1, 3), day(2023, 12, 29), 25, "B/2023")
	c.Honorarium, c.AssignmentNumber = 2000000, "800/1/2023"
	if _, err := db.UpdateContract(ctx, c); err != nil {
		t.Fatal(err)
	}
	cs, err := db.Contracts(ctx, ContractFilter{FacilitatorID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].Year != 2023 || cs[0].Honorarium != 2000000 || cs[0].AssignmentNumber != "800/1/2023" ||
		cs[1].AgencyCode != wub.DPMPTSP || cs[1].SPKNumber != "A/2022" {
		t.Errorf("contracts = %+v", cs)
	}
	// DPMPTSP left the program after 2022.
	_, err = db.CreateContract(ctx, &wub.Contract{FacilitatorID: a.ID, AgencyCode: wub.DPMPTSP, Year: 2023,
		StartDate: day(2023, 1, 3), EndDate: day(2023, 12, 29)})
	if wub.ErrorCode(err) != "agency_not_in_year" {
		t.Errorf("DPMPTSP in 2023: %v", err)
	}
	if _, err := db.CreateContract(ctx, &wub.Contract{FacilitatorID: 999, AgencyCode: wub.DKP, Year: 2023,
		StartDate: day(2023, 1, 3), EndDate: day(2023, 12, 29)}); wub.ErrorCode(err) != "not_found" {
		t.Errorf("unknown facilitator: %v", err)
	}
	audit, _ := db.AuditFor(ctx, "contract", c.ID)
	if len(audit) != 2 || !strings.Contains(audit[1].New, "800/1/2023") {
		t.Errorf("audit = %+v", audit)
	}
}
