package app

import (
	"reflect"
	"testing"
)

// Each service method is in exactly one interface: a name in two embedded
// interfaces would drop out of App's method set (an ambiguous selector),
// and the screen that needs it would no longer get it from u.app.
func TestServicesDoNotOverlap(t *testing.T) {
	app := reflect.TypeOf(&App{})
	st := reflect.TypeOf(App{})
	seen := map[string]string{}
	for i := 0; i < st.NumField(); i++ {
		f := st.Field(i)
		if !f.Anonymous || f.Type.Kind() != reflect.Interface {
			continue
		}
		for j := 0; j < f.Type.NumMethod(); j++ {
			name := f.Type.Method(j).Name
			if other, ok := seen[name]; ok {
				t.Errorf("%s is in both wub.%s and wub.%s", name, other, f.Name)
			}
			seen[name] = f.Name
			if _, ok := app.MethodByName(name); !ok {
				t.Errorf("App has no method %s (of wub.%s)", name, f.Name)
			}
		}
	}
	if len(seen) < 100 {
		t.Errorf("only %d service methods found", len(seen))
	}
}
