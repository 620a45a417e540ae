package wub

import "strings"

// WhoCan names the roles that may do any of acts ("Admin", "Operator atau
// Admin"), for a refusal worded for the person reading it.
func WhoCan(acts ...Action) string {
	var names []string
	for _, r := range Roles {
		for _, a := range acts {
			if r.Can(a) {
				names = append(names, r.Label())
				break
			}
		}
	}
	if len(names) == 0 {
		return Roles[len(Roles)-1].Label()
	}
	or := nikText(" atau ", " or ")
	return strings.Join(names, or)
}
