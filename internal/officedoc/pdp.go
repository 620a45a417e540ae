package officedoc

import (
	"context"
	"fmt"
	"io"
	"strings"

	"wubdesk/internal/pdf"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// Ready reports whether documents can be numbered (the office is set): an
// erasure checks it first, because its berita acara cannot be made again
// once the name is gone.
func Ready(ctx context.Context, db *store.DB) error {
	_, err := load(ctx, db)
	return err
}

// Erasure writes the berita acara of an erasure (the records of one NIK
// erased together) and stores its number with the erasures.
func Erasure(ctx context.Context, db *store.DB, es []wub.Erasure, w io.Writer) (Result, error) {
	o, err := load(ctx, db)
	if err != nil {
		return Result{}, err
	}
	if len(es) == 0 {
		return Result{}, wub.Errorf("pdp_nik_unknown", "")
	}
	ns, err := o.number(ctx, wub.LetterRequest{Kind: wub.DocErasure,
		Key:     fmt.Sprintf("erasure:%d", es[0].ID),
		Subject: fmt.Sprintf("Berita acara penghapusan data pribadi (nomor data %d)", es[0].TraineeID), Date: o.today})
	if err != nil {
		return Result{}, err
	}
	ids := make([]int64, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	if err := db.SetErasureLetter(ctx, ids, ns[0].Number); err != nil {
		return Result{}, err
	}
	err = pdf.WriteErasure(w, pdf.Erasure{Kop: o.kop(), Number: ns[0].Number, Date: o.today, Erasures: es,
		Signer: o.head(o.today), Meta: o.meta})
	return Result{Kind: wub.DocErasure, Numbers: ns}, err
}

// BreachNotice writes the notification of a breach, to the people affected
// (toPeople) or to the authority, naming the people the lost copy held.
func BreachNotice(ctx context.Context, db *store.DB, b wub.Breach, toPeople bool, w io.Writer) (Result, error) {
	o, err := load(ctx, db)
	if err != nil {
		return Result{}, err
	}
	n := pdf.BreachNotice{Kop: o.kop(), Date: o.today, ToPeople: toPeople, Breach: b,
		Office: o.agency.NameOn(o.today).Full, Signer: o.head(o.today), Meta: o.meta}
	var contact []string
	for _, s := range []string{o.lh.Phone, o.lh.Email, o.lh.Address} {
		if strings.TrimSpace(s) != "" {
			contact = append(contact, s)
		}
	}
	n.Contact = strings.Join(contact, ", ")
	if b.CopyID != 0 {
		c, err := db.Copy(ctx, b.CopyID)
		if err != nil {
			return Result{}, err
		}
		n.Copy = &c
		if n.People, err = db.PeopleInCopy(ctx, b.CopyID); err != nil {
			return Result{}, err
		}
	}
	kind := wub.DocBreachAuth
	if toPeople {
		kind = wub.DocBreachPeople
	}
	ns, err := o.number(ctx, wub.LetterRequest{Kind: kind, Key: fmt.Sprintf("breach:%d", b.ID),
		Subject: "Pemberitahuan kegagalan pelindungan data pribadi", Date: o.today})
	if err != nil {
		return Result{}, err
	}
	n.Number = ns[0].Number
	return Result{Kind: kind, Numbers: ns}, pdf.WriteBreachNotice(w, n)
}
