package wub

import "time"

// MergeFields are the fields a clerk chooses between when merging two
// records of one person, in the order the review screen shows them.
var MergeFields = []string{"nik", "kk", "name", "sex", "birth_place", "birth_date", "address", "rt_rw", "desa",
	"phone", "education", "kbli", "business_name", "notes"}

// MergeValue is a field of a trainee as text, for comparing two records and
// choosing what to keep.
func MergeValue(t *Trainee, field string) string {
	switch field {
	case "nik":
		return t.NIK
	case "kk":
		return t.KK
	case "name":
		return t.Name
	case "sex":
		return t.Sex
	case "birth_place":
		return t.BirthPlace
	case "birth_date":
		return ISO(t.BirthDate)
	case "address":
		return t.Address
	case "rt_rw":
		return t.RTRW
	case "desa":
		return t.DesaCode
	case "phone":
		return t.Phone
	case "education":
		return t.Education
	case "kbli":
		return t.KBLI
	case "business_name":
		return t.BusinessName
	case "notes":
		return t.Notes
	}
	return ""
}

// MergeResult is the kept record: for every field, the value of keep or of
// drop as chosen (fromDrop[field] true takes drop's value).
func MergeResult(keep, drop *Trainee, fromDrop map[string]bool) Trainee {
	out := *keep
	out.Enrolments = nil
	src := func(f string) *Trainee {
		if fromDrop[f] {
			return drop
		}
		return keep
	}
	out.NIK = src("nik").NIK
	out.KK = src("kk").KK
	out.Name = src("name").Name
	out.Sex = src("sex").Sex
	out.BirthPlace = src("birth_place").BirthPlace
	out.BirthDate = src("birth_date").BirthDate
	out.Address = src("address").Address
	out.RTRW = src("rt_rw").RTRW
	out.DesaCode, out.KecCode = src("desa").DesaCode, src("desa").KecCode
	out.Phone = src("phone").Phone
	out.Education = src("education").Education
	out.KBLI = src("kbli").KBLI
	out.BusinessName = src("business_name").BusinessName
	out.Notes = src("notes").Notes
	return out
}

// Merge is a merge as listed for undoing.
type Merge struct {
	ID                  int64
	KeptID, DroppedID   int64
	KeptNIK, DroppedNIK string
	KeptName            string
	DroppedName         string
	Reason              string
	At                  time.Time
	Actor               string
	UndoneAt            time.Time
}

// DupPersonOf is what the duplicate rules read of a trainee.
func DupPersonOf(t *Trainee) DupPerson {
	p := DupPerson{ID: t.ID, NIK: t.NIK, Name: t.Name, Sex: t.Sex, BirthDate: t.BirthDate, DesaCode: t.DesaCode, Phone: t.Phone}
	for _, e := range t.Enrolments {
		if e.Year >= p.Year {
			p.Agency, p.Year = e.AgencyCode, e.Year
		}
	}
	return p
}
