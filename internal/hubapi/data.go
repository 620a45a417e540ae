package hubapi

// Entities the hub counts; changes of other entities ("facilitator",
// "batch", …) are kept as records, owned and idempotent alike, but counted
// nowhere.
const (
	EntityTrainee   = "trainee"
	EntityEnrolment = "enrolment"
)

// Keys of Change.Data the hub reads (the rest of Data is kept as it is):
//
//	trainee:   "nik" (16 digits, text)
//	enrolment: "trainee_gid" (the trainee's gid), "year" (number),
//	           "status" ("registered", "trained", "dropped"), and "nik" (used
//	           only while the hub does not hold the trainee yet)
//	handover:  "to_agency" (agency code)
const (
	DataNIK        = "nik"
	DataTraineeGID = "trainee_gid"
	DataYear       = "year"
	DataStatus     = "status"
	DataToAgency   = "to_agency"
)
