package resource_test

import (
	"encoding/json"
	"fmt"

	"github.com/jobkit/jobkit/job/resource"
)

func ExampleParseQuantity() {
	for _, s := range []string{"0.5", "1024Mi", "1000m", "1.5Gi", "1e400", "1x"} {
		q, err := resource.ParseQuantity(s)
		if err != nil {
			fmt.Println(s, "error:", err)
			continue
		}
		fmt.Println(s, "=", q, q.Format, q.MilliValue())
	}
	var limits map[string]resource.Quantity
	_ = json.Unmarshal([]byte(`{"cpu": 0.25, "memory": "2048Mi"}`), &limits)
	out, _ := json.Marshal(limits)
	fmt.Println(string(out), limits["memory"].Equal(resource.MustParse("2Gi")))
	// Output:
	// 0.5 = 500m DecimalSI 500
	// 1024Mi = 1Gi BinarySI 1073741824000
	// 1000m = 1 DecimalSI 1000
	// 1.5Gi = 1536Mi BinarySI 1610612736000
	// 1e400 = 10e399 DecimalExponent 0
	// 1x error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
	// {"cpu":"250m","memory":"2Gi"} true
}
