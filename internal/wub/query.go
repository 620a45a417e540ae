package wub

import (
	"strings"
	"time"
)

// Sort keys of the trainee list.
const (
	SortName      = "name"
	SortNIK       = "nik"
	SortSex       = "sex"
	SortDesa      = "desa"
	SortKecamatan = "kecamatan"
	SortAgency    = "agency"
	SortYear      = "year"
	SortStatus    = "status"
)

// TraineeFilter selects rows of the trainee list. Year, agency and status
// match any live enrolment of the person; the row shows the latest one.
type TraineeFilter struct {
	Text       string // over name, NIK and desa
	Year       int
	AgencyCode string
	KecCode    string
	Status     string
	Deleted    bool // the "Terhapus" view: deleted records only
	Sort       string
	Desc       bool
}

// Normalized trims the search text.
func (f TraineeFilter) Normalized() TraineeFilter {
	f.Text = strings.Join(strings.Fields(f.Text), " ")
	return f
}

// TraineeRow is one line of the trainee list.
type TraineeRow struct {
	ID         int64
	NIK        string
	Name       string
	Sex        string
	DesaCode   string
	DesaName   string
	KecCode    string
	KecName    string
	AgencyCode string
	Year       int
	Status     string
	DeletedAt  time.Time
}

// SearchText is what the trigram index holds for a trainee: name, NIK and
// desa, folded to lower case.
func SearchText(name, nik, desaName string) string {
	return strings.ToLower(strings.Join(strings.Fields(name+" "+nik+" "+desaName), " "))
}
