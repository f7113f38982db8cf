package media

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // registers GIF with image.Decode
	"image/jpeg"
	"image/png"
	"io"

	_ "golang.org/x/image/webp" // registers WebP with image.Decode
)

// maxPixels bounds the images the library decodes: a bigger one would
// take more memory than a newsroom's photos need.
const maxPixels = 60_000_000

// imageConfig reads an image's dimensions from its header and refuses the
// oversized.
func imageConfig(r io.Reader) (image.Config, error) {
	cfg, _, err := image.DecodeConfig(r)
	if err != nil {
		return image.Config{}, invalid("the image cannot be read: %v", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPixels {
		return image.Config{}, invalid("the image is %d×%d pixels; the library takes at most %d megapixels", cfg.Width, cfg.Height, maxPixels/1_000_000)
	}
	return cfg, nil
}

// decodeImage decodes the whole image, which proves it is not cut short
// or corrupt.
func decodeImage(r io.Reader) (image.Image, error) {
	img, _, err := image.Decode(bufio.NewReader(r))
	if err != nil {
		return nil, invalid("the image cannot be read: %v", err)
	}
	return img, nil
}

// cleanImage writes the image to w as it is served: without the camera's
// metadata (EXIF with GPS position, XMP, IPTC, comments), otherwise as
// uploaded. A JPEG whose EXIF turns it is re-encoded upright, since its
// orientation goes with the metadata.
func cleanImage(w io.Writer, data []byte, mime string, img image.Image) error {
	switch mime {
	case "image/jpeg":
		if o := jpegOrientation(data); o > 1 && o <= 8 {
			return jpeg.Encode(w, orient(img, o), &jpeg.Options{Quality: 90})
		}
		return stripJPEG(w, data)
	case "image/png":
		return stripPNG(w, data)
	case "image/webp":
		return stripWebP(w, data)
	}
	_, err := w.Write(data)
	return err
}

// stripJPEG copies a JPEG leaving out its APP segments other than JFIF
// (APP0), the colour profile (APP2) and Adobe's colour transform (APP14),
// and its comments.
func stripJPEG(w io.Writer, b []byte) error {
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return invalid("the JPEG image has no start marker")
	}
	out := bytes.NewBuffer(make([]byte, 0, len(b)))
	out.Write(b[:2])
	i := 2
	for {
		if i+4 > len(b) || b[i] != 0xFF {
			return invalid("the JPEG image is cut short")
		}
		marker := b[i+1]
		if marker == 0xFF { // fill byte
			i++
			continue
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if n < 2 || i+2+n > len(b) {
			return invalid("the JPEG image is cut short")
		}
		keep := !(marker >= 0xE0 && marker <= 0xEF || marker == 0xFE) || marker == 0xE0 || marker == 0xE2 || marker == 0xEE
		if marker == 0xDA { // start of scan: the rest is image data
			out.Write(b[i:])
			break
		}
		if keep {
			out.Write(b[i : i+2+n])
		}
		i += 2 + n
	}
	_, err := w.Write(out.Bytes())
	return err
}

// jpegOrientation returns the EXIF orientation (1 to 8) of a JPEG, 0 when
// it has none.
func jpegOrientation(b []byte) int {
	for i := 2; i+4 <= len(b) && b[i] == 0xFF; {
		marker := b[i+1]
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if marker == 0xDA || n < 2 || i+2+n > len(b) {
			return 0
		}
		seg := b[i+4 : i+2+n]
		if marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return tiffOrientation(seg[6:])
		}
		i += 2 + n
	}
	return 0
}

// tiffOrientation reads tag 0x0112 of the first IFD of a TIFF structure.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0
	}
	off := int(bo.Uint32(t[4:]))
	if off+2 > len(t) {
		return 0
	}
	count := int(bo.Uint16(t[off:]))
	for e := 0; e < count; e++ {
		p := off + 2 + 12*e
		if p+12 > len(t) {
			return 0
		}
		if bo.Uint16(t[p:]) == 0x0112 {
			return int(bo.Uint16(t[p+8:]))
		}
	}
	return 0
}

// orient returns img turned upright from EXIF orientation o.
func orient(img image.Image, o int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var dx, dy int
			switch o {
			case 2:
				dx, dy = w-1-x, y
			case 3:
				dx, dy = w-1-x, h-1-y
			case 4:
				dx, dy = x, h-1-y
			case 5:
				dx, dy = y, x
			case 6:
				dx, dy = h-1-y, x
			case 7:
				dx, dy = h-1-y, w-1-x
			case 8:
				dx, dy = y, w-1-x
			default:
				dx, dy = x, y
			}
			dst.Set(dx, dy, color.RGBAModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)))
		}
	}
	return dst
}

// stripPNG copies a PNG without its EXIF, text and time chunks.
func stripPNG(w io.Writer, b []byte) error {
	const sig = "\x89PNG\r\n\x1a\n"
	if !bytes.HasPrefix(b, []byte(sig)) {
		return invalid("the PNG image has no signature")
	}
	out := bytes.NewBuffer(make([]byte, 0, len(b)))
	out.WriteString(sig)
	for i := len(sig); i < len(b); {
		if i+12 > len(b) {
			return invalid("the PNG image is cut short")
		}
		n := int(binary.BigEndian.Uint32(b[i:]))
		end := i + 12 + n
		if n < 0 || end > len(b) {
			return invalid("the PNG image is cut short")
		}
		switch string(b[i+4 : i+8]) {
		case "eXIf", "tEXt", "zTXt", "iTXt", "tIME":
		default:
			out.Write(b[i:end])
		}
		i = end
	}
	_, err := w.Write(out.Bytes())
	return err
}

// stripWebP copies a WebP without its EXIF and XMP chunks, clearing the
// flags that announce them.
func stripWebP(w io.Writer, b []byte) error {
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WEBP" {
		return invalid("the WebP image has no RIFF header")
	}
	body := bytes.NewBuffer(make([]byte, 0, len(b)))
	body.WriteString("WEBP")
	for i := 12; i < len(b); {
		if i+8 > len(b) {
			return invalid("the WebP image is cut short")
		}
		n := int(binary.LittleEndian.Uint32(b[i+4:]))
		end := i + 8 + n + n%2
		if n < 0 || i+8+n > len(b) {
			return invalid("the WebP image is cut short")
		}
		end = min(end, len(b))
		switch fourcc := string(b[i : i+4]); fourcc {
		case "EXIF", "XMP ":
		case "VP8X":
			chunk := bytes.Clone(b[i:end])
			if n > 0 {
				chunk[8] &^= 0x08 | 0x04 // EXIF and XMP flags
			}
			body.Write(chunk)
		default:
			body.Write(b[i:end])
		}
		i = end
	}
	head := make([]byte, 8)
	copy(head, "RIFF")
	binary.LittleEndian.PutUint32(head[4:], uint32(body.Len()))
	if _, err := w.Write(head); err != nil {
		return err
	}
	_, err := w.Write(body.Bytes())
	return err
}

// encodeVariant writes img as a served variant: PNG for PNG sources,
// which may be drawings with transparency, JPEG for the rest.
func encodeVariant(w io.Writer, img image.Image, ext string) error {
	switch ext {
	case ".png":
		return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
	case ".jpg":
		return jpeg.Encode(w, img, &jpeg.Options{Quality: 82})
	}
	return fmt.Errorf("media: no variant encoder for %s", ext)
}
