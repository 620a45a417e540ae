package ui

// showExtra serves the --show ids of issue 19's views (screenshots, tests):
// "bantuan" opens the guide over the Peserta list.
func (n *navigation) showExtra(id string) bool {
	switch id {
	case "bantuan":
		n.show("peserta")
		n.u.showHelp()
		return true
	}
	return false
}
