package wub

// Messages of journey corrections.
func init() {
	addMessages(map[string]msg{
		"restore_parent_deleted": {"Data ini tidak dapat dipulihkan sendiri karena %s-nya masih terhapus. Pulihkan itu dulu.", "This record cannot be restored on its own because its %s is still deleted. Restore that first."},
	})
}
