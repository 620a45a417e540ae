package wub

import (
	"context"
	"iter"
	"time"
)

// The domain's services, one per aggregate (benbjohnson/wtf style): the
// use cases in internal/app call them, internal/store implements every one
// of them on one SQLite file with one writer (store asserts it at compile
// time), and a front end never sees which. Each method owns its
// transaction; the audit actor is the signed-in user's (Users.SignIn).
//
// A method belongs to exactly one interface, so that a value holding all
// of them (app.App embeds them) has no ambiguous method.

// Register is the trainees and their enrolments: the list, search, the
// form's checks, undated enrolments, and likely duplicates with merges.
type Register interface {
	ListTrainees(ctx context.Context, f TraineeFilter, offset, limit int) (TraineeList, error)
	SearchTrainees(ctx context.Context, f TraineeFilter, offset, limit int) ([]TraineeRow, error)
	CountTrainees(ctx context.Context, f TraineeFilter) (int, error)
	Trainee(ctx context.Context, id int64) (*Trainee, error)
	TraineeByNIK(ctx context.Context, nik string) (*Trainee, error)
	CheckTrainee(ctx context.Context, t *Trainee) (Issues, error)
	CreateTrainee(ctx context.Context, t *Trainee) (Issues, error)
	UpdateTrainee(ctx context.Context, t *Trainee) (Issues, error)
	DeleteTrainee(ctx context.Context, id int64) error
	RestoreTrainee(ctx context.Context, id int64) error
	DescribeNIK(ctx context.Context, nik string) (id int64, where string, err error)
	UndatedEnrolments(ctx context.Context, limit int) ([]UndatedEnrolment, int, error)

	LikelyDuplicates(ctx context.Context) ([]DupPair, error)
	OpenDuplicateCount(ctx context.Context) (int, error)
	DuplicatesOf(ctx context.Context, p DupPerson) ([]DupPair, error)
	DismissPair(ctx context.Context, aID, bID int64, reason string) error
	MergeTrainees(ctx context.Context, keepID, dropID int64, result Trainee, reason string) (int64, error)
	Merges(ctx context.Context, limit int) ([]Merge, error)
	UndoMerge(ctx context.Context, mergeID int64) error
}

// Journey is what happens to a trainee after training: businesses,
// licences, channels, capital, products, their corrections, and the
// outcome figures.
type Journey interface {
	Timeline(ctx context.Context, traineeID int64) ([]StageEvent, error)
	Businesses(ctx context.Context, traineeID int64) ([]Business, error)
	ProductsOfTrainee(ctx context.Context, traineeID int64) ([]Product, error)
	SaveBusiness(ctx context.Context, b *Business) (Issues, error)
	AddLicence(ctx context.Context, l *Licence) (Issues, error)
	AddChannel(ctx context.Context, c *Channel) (Issues, error)
	AddCapital(ctx context.Context, c *Capital) (Issues, error)
	SaveProduct(ctx context.Context, p *Product) (Issues, error)
	Licence(ctx context.Context, id int64) (Licence, error)
	Channel(ctx context.Context, id int64) (Channel, error)
	Capital(ctx context.Context, id int64) (Capital, error)
	Listing(ctx context.Context, id int64) (Listing, error)
	UpdateLicence(ctx context.Context, l *Licence) (Issues, error)
	UpdateChannel(ctx context.Context, c *Channel) (Issues, error)
	UpdateCapital(ctx context.Context, c *Capital) (Issues, error)
	UpdateListing(ctx context.Context, l *Listing) (Issues, error)
	DeleteJourneyRecord(ctx context.Context, entity string, id int64) error
	RestoreJourneyRecord(ctx context.Context, entity string, id int64) error
	DeletedJourney(ctx context.Context, traineeID int64) ([]StageEvent, error)
	Outcomes(ctx context.Context, year int) (Outcomes, error)
	OutcomePeople(ctx context.Context, year int, stage, agency, kec string) ([]PersonJourney, error)
}

// Wamira is the Wamira Mart outlets and the products listed in them.
type Wamira interface {
	Outlets(ctx context.Context) ([]OutletCount, error)
	Outlet(ctx context.Context, id int64) (Outlet, error)
	SaveOutlet(ctx context.Context, o *Outlet) (Issues, error)
	CloseOutlet(ctx context.Context, id int64, on time.Time, reason string) (withdrawn int, err error)
	OutletListings(ctx context.Context, outletID int64, withdrawn bool) ([]ListingRow, error)
	SearchProducts(ctx context.Context, f ProductFilter) ([]ProductRow, error)
	AddListing(ctx context.Context, l *Listing) (Issues, error)
	WithdrawListing(ctx context.Context, id int64, on time.Time, reason string) (Issues, error)
	WamiraReach(ctx context.Context) (WamiraReach, error)
}

// Facilitators is the facilitators (pendamping), their contracts, monthly
// activity reports, mentoring visits and the yearly contract round.
type Facilitators interface {
	SearchFacilitators(ctx context.Context, f FacilitatorFilter) ([]FacilitatorRow, error)
	Facilitator(ctx context.Context, id int64) (*Facilitator, error)
	CreateFacilitator(ctx context.Context, f *Facilitator) (Issues, error)
	UpdateFacilitator(ctx context.Context, f *Facilitator) (Issues, error)
	DeleteFacilitator(ctx context.Context, id int64) error
	RestoreFacilitator(ctx context.Context, id int64) error
	FacilitatorStatusHistory(ctx context.Context, id int64) ([]FacilitatorStatusChange, error)

	Contracts(ctx context.Context, f ContractFilter) ([]Contract, error)
	CreateContract(ctx context.Context, c *Contract) (Issues, error)
	UpdateContract(ctx context.Context, c *Contract) (Issues, error)
	DeleteContract(ctx context.Context, id int64) error
	ContractRound(ctx context.Context, agencyCode string, newYear int) (*ContractRound, error)
	Decide(ctx context.Context, agencyCode string, newYear int, ds []ContractDecision) error
	RenewAll(ctx context.Context, agencyCode string, newYear int) error
	CreateRenewedContracts(ctx context.Context, agencyCode string, newYear int) (RenewalResult, error)

	ActivityReports(ctx context.Context, facilitatorID int64, year int) ([]ActivityReport, error)
	SaveActivityReport(ctx context.Context, r *ActivityReport) error
	DeleteActivityReport(ctx context.Context, id int64) error
	MissingReports(ctx context.Context, agencyCode, month string) ([]Contract, error)
	Mentorings(ctx context.Context, f MentoringFilter) ([]Mentoring, error)
	SaveMentoring(ctx context.Context, m *Mentoring) error
	DeleteMentoring(ctx context.Context, id int64) error
}

// Batches is the training batches (angkatan), their members and their
// facilitators.
type Batches interface {
	BatchSummaries(ctx context.Context, agencyCode string, year int, text string) ([]BatchSummary, error)
	Batch(ctx context.Context, id int64) (*Batch, error)
	CreateBatch(ctx context.Context, b *Batch) error
	UpdateBatch(ctx context.Context, b *Batch) error
	DeleteBatch(ctx context.Context, id int64) error
	BatchMembers(ctx context.Context, batchID int64) ([]BatchMember, error)
	BatchHistory(ctx context.Context, batchID int64) ([]BatchChange, error)
	EnrolInBatch(ctx context.Context, batchID int64, traineeIDs []int64, on time.Time) (EnrolResult, error)
	MoveBatchMembers(ctx context.Context, fromID, toID int64, traineeIDs []int64, on time.Time, reason string) error
	RemoveFromBatch(ctx context.Context, batchID int64, traineeIDs []int64, on time.Time, reason string) error
	SetBatchCompletion(ctx context.Context, batchID int64, traineeIDs []int64, status string, on time.Time) error
	BatchFacilitators(ctx context.Context, batchID int64) ([]FacilitatorRow, error)
	SetBatchFacilitators(ctx context.Context, batchID int64, ids []int64) error
}

// Targets is the quotas: the targets, yearly quotas, opening balances and the
// dashboard's figures with the people behind each.
type Targets interface {
	Dashboard(ctx context.Context, q DashboardQuery) (*Dashboard, error)
	FigurePeople(ctx context.Context, f FigureFilter, offset, limit int) ([]TraineeRow, error)
	CountFigurePeople(ctx context.Context, f FigureFilter) (int, error)
	Target(ctx context.Context) (Target, error)
	SetTarget(ctx context.Context, t Target) error
	Quotas(ctx context.Context, year int) ([]Quota, error)
	SetQuotas(ctx context.Context, year int, qs []Quota) error
	OpeningBalances(ctx context.Context, year int) ([]OpeningBalance, error)
	SetOpeningBalances(ctx context.Context, obs []OpeningBalance) error
	ActiveYear(ctx context.Context, upTo int) (int, error)
}

// Users is the office's users, sign-in (which sets the audit actor) and the
// audit trail every change writes.
type Users interface {
	ListUsers(ctx context.Context) ([]User, error)
	SignInRequired(ctx context.Context) (bool, error)
	SetSignInRequired(ctx context.Context, on bool) error
	CreateUser(ctx context.Context, u User, password string) (User, error)
	UpdateUser(ctx context.Context, u User) error
	SetPassword(ctx context.Context, id int64, password string) error
	SignIn(ctx context.Context, name, password string) (User, error)

	AuditActors(ctx context.Context) ([]string, error)
	ListAudit(ctx context.Context, f AuditFilter, offset, limit int) ([]AuditEntry, error)
	CountAudit(ctx context.Context, f AuditFilter) (int, error)
	AuditSeq(ctx context.Context, f AuditFilter) iter.Seq2[AuditEntry, error]
}

// Settings is the office, its agencies by period, the letterhead with the
// letter register (nomor surat), and the submission deadline.
type Settings interface {
	Office(ctx context.Context) (Office, error)
	SetOffice(ctx context.Context, o Office) error
	Agencies(ctx context.Context) (Agencies, error)
	ChangeAgency(ctx context.Context, c AgencyChange) (Agencies, error)
	Letterhead(ctx context.Context) (Letterhead, error)
	SetLetterhead(ctx context.Context, l Letterhead) (Issues, error)
	IssueLetterNumbers(ctx context.Context, reqs []LetterRequest) ([]LetterNumber, error)
	LetterNumbers(ctx context.Context, year int) ([]LetterNumber, error)
	LateDay(ctx context.Context) (int, error)
	SetLateDay(ctx context.Context, day int) error
}

// Backups is the open file's copies: automatic backups before risky work,
// a copy elsewhere, the start-of-day backup and the full check. Restoring
// and listing work on files, not on an open register (internal/app).
type Backups interface {
	BackupBefore(ctx context.Context, reason string) (BackupInfo, error)
	BackupTo(ctx context.Context, dest string) (BackupInfo, error)
	StartOfDayBackup(ctx context.Context) (info BackupInfo, made bool, err error)
	CheckOpened(ctx context.Context) error
	Verify() error
}

// Handovers is a program's records as they travel between offices
// (internal/handover packs and unpacks them).
type Handovers interface {
	HandoverAgencies(ctx context.Context, from string, date time.Time) ([]HandoverAgency, error)
	HandoverCounts(ctx context.Context) (map[string]int, error)
	HandoverDump(ctx context.Context, fn func(kind string, row HandoverRow) error) error
	LogHandoverExport(ctx context.Context, sha256, to string, date time.Time, file string, counts map[string]int) error
	ImportHandover(ctx context.Context, in *HandoverInput, dryRun bool, progress func(done, total int)) (*HandoverResult, error)
	HandoverImports(ctx context.Context) ([]HandoverImport, error)
}

// Submissions is the monthly submissions: the rows an office sends, and the
// files the regency receives from every office for consolidation.
type Submissions interface {
	SubmissionCount(ctx context.Context, agency string, year int, end time.Time) (int, error)
	SubmissionRows(ctx context.Context, agency string, year int, end time.Time, fn func(t *Trainee, e *Enrolment) error) error
	JourneyFacts(ctx context.Context, year int, asOf time.Time) (map[int64]JourneyFacts, error)
	RecordSubmission(ctx context.Context, rs ReceivedSubmission, rows []SubmissionRow) (stored ReceivedSubmission, added bool, err error)
	ReceivedSubmissions(ctx context.Context, year int) ([]ReceivedSubmission, error)
	ReceivedRows(ctx context.Context, id int64) ([]SubmissionRow, error)
}
