package catalog

import (
	"bytes"
	"testing"
)

// FuzzDecodeJSON decodes arbitrary bytes as a catalog: no panic, and whatever decodes
// encodes and decodes again to the same catalog.
func FuzzDecodeJSON(f *testing.F) {
	var buf bytes.Buffer
	EncodeJSON(&buf, sampleCatalog(), nil)
	f.Add(buf.Bytes())
	f.Add([]byte(`{"version":1,"title":"","services":[{"id":"a","entries":[{"id":"x","code":"X","protocol":"json-rpc","variants":[{}]}]}]}`))
	f.Add([]byte(`{"version":1,"services":null}`))
	buf.Reset()
	EncodeJSON(&buf, translatedCatalog(), nil)
	f.Add(buf.Bytes())
	f.Add([]byte(`{"version":1,"services":[{"id":"a","translations":null,"entries":[{"id":"x","code":"X","protocol":"http","translations":{"en":{"message":"m"},"en":{}}}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeJSON(bytes.NewReader(data))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := EncodeJSON(&out, c, nil); err != nil {
			t.Fatalf("encode a decoded catalog: %v", err)
		}
		c2, err := DecodeJSON(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("decode what was encoded: %v", err)
		}
		var out2 bytes.Buffer
		EncodeJSON(&out2, c2, nil)
		if !bytes.Equal(out.Bytes(), out2.Bytes()) {
			t.Fatalf("encode(decode(encode(x))) differs from encode(x)")
		}
	})
}
