package ui

import (
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// consolidationOutcomeText is the stage figures' sentence of the
// Konsolidasi summary ("" when nobody was counted).
func consolidationOutcomeText(c *xlsx.Consolidation) string {
	o := c.Outcomes
	if o == nil || o.Total.Count(wub.StageRegistered) == 0 {
		return ""
	}
	n := func(stage string) string { return wub.FormatInt(o.Total.Count(stage)) }
	text := " " + T("konsolidasi.outcomes", c.Year, n(wub.StageTrained), n(wub.StageBusiness), n(wub.StageLicensed),
		n(wub.FigureNIB), n(wub.StageMarketed), n(wub.FigureWamira), n(wub.StageCapital))
	if len(o.WithoutColumns) > 0 {
		text += " " + T("konsolidasi.outcomes_old", len(o.WithoutColumns))
	}
	return text
}
