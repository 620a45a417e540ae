package store

// SetListLimits lowers ListCap, ListCountCap and the NIK sort limit for a
// test of the store_test package and returns the function that restores
// them.
func SetListLimits(list, count, nikSort int) (restore func()) {
	l, c, n := listCap, listCountCap, nikSortMax
	listCap, listCountCap, nikSortMax = list, count, nikSort
	return func() { listCap, listCountCap, nikSortMax = l, c, n }
}
