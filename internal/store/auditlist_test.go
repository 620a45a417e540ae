package store

import (
	"fmt"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

func TestListAuditFilters(t *testing.T) {
	db := openTest(t)
	clock := time.Date(2024, 6, 1, 9, 0, 0, 0, time.Local)
	db.Now = func() time.Time { return clock }
	db.Actor = "rina"
	tr := siti()
	if _, err := db.CreateTrainee(ctx, tr); err != nil { // trainee + enrolment rows
		t.Fatal(err)
	}
	clock = clock.AddDate(0, 0, 2)
	db.Actor = "budi"
	tr.Phone = "081299998888"
	tr.Enrolments[0].Status = wub.StatusDropped
	if _, err := db.UpdateTrainee(ctx, tr); err != nil {
		t.Fatal(err)
	}
	other := &wub.Trainee{NIK: "3528041203900002", Name: "Ahmad", Sex: "L"}
	if _, err := db.CreateTrainee(ctx, other); err != nil {
		t.Fatal(err)
	}
	clock = clock.AddDate(0, 0, 1)
	db.SetOffice(ctx, wub.Office{AgencyCode: wub.DKP})

	day := func(d int) time.Time { return time.Date(2024, 6, d, 0, 0, 0, 0, time.Local) }
	tests := []struct {
		name string
		f    wub.AuditFilter
		want string // actor/entity/action of each row, newest first
	}{
		{"all", wub.AuditFilter{}, "budi/setting/update budi/trainee/insert budi/enrolment/update budi/trainee/update rina/enrolment/insert rina/trainee/insert"},
		{"one trainee with its enrolments", wub.AuditFilter{Entity: "trainee", EntityID: tr.ID},
			"budi/enrolment/update budi/trainee/update rina/enrolment/insert rina/trainee/insert"},
		{"by user", wub.AuditFilter{Actor: "rina"}, "rina/enrolment/insert rina/trainee/insert"},
		{"entity", wub.AuditFilter{Entity: "setting"}, "budi/setting/update"},
		{"one day", wub.AuditFilter{From: day(3), To: day(3)}, "budi/trainee/insert budi/enrolment/update budi/trainee/update"},
		{"from", wub.AuditFilter{From: day(4)}, "budi/setting/update"},
		{"to", wub.AuditFilter{To: day(2)}, "rina/enrolment/insert rina/trainee/insert"},
		{"nothing", wub.AuditFilter{Actor: "siapa"}, ""},
	}
	for _, tt := range tests {
		rows, err := db.ListAudit(ctx, tt.f, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for i, r := range rows {
			if i > 0 {
				got += " "
			}
			got += fmt.Sprintf("%s/%s/%s", r.Actor, r.Entity, r.Action)
		}
		if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
		if n, _ := db.CountAudit(ctx, tt.f); n != len(rows) {
			t.Errorf("%s: count %d, rows %d", tt.name, n, len(rows))
		}
	}
	page, _ := db.ListAudit(ctx, wub.AuditFilter{}, 2, 2)
	if len(page) != 2 || page[0].Entity != "enrolment" || page[0].Action != "update" {
		t.Errorf("page 2 = %+v", page)
	}
	actors, _ := db.AuditActors(ctx)
	if fmt.Sprint(actors) != "[budi rina]" {
		t.Errorf("actors = %v", actors)
	}
	n := 0
	for _, err := range db.AuditSeq(ctx, wub.AuditFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if n == 3 {
			break // stopping early must not leak the query
		}
	}
	if n != 3 {
		t.Errorf("AuditSeq gave %d", n)
	}
}
