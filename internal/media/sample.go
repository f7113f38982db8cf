package media

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"io"
)

// SampleVideo writes a short MP4 video made by newsdesk itself, for demo
// content and tests: H.264 (Baseline) whose macroblocks are all stored
// uncompressed (I_PCM), so no encoder is needed, frames drawn by frame,
// which is given the frame's number and returns its picture. Width and
// height must be multiples of 16; the file is about 1.5 bytes a pixel a
// frame, so keep it small.
func SampleVideo(w io.Writer, width, height, frames, fps int, frame func(i int) image.Image) error {
	if width <= 0 || height <= 0 || width%16 != 0 || height%16 != 0 || frames <= 0 || fps <= 0 {
		return errors.New("media: sample video: width and height must be positive multiples of 16")
	}
	sps, pps := h264SPS(width, height), h264PPS()
	var samples [][]byte
	for i := 0; i < frames; i++ {
		nal := h264PCMSlice(frame(i), width, height, i)
		s := make([]byte, 4, 4+len(nal))
		binary.BigEndian.PutUint32(s, uint32(len(nal)))
		samples = append(samples, append(s, nal...))
	}
	const timescale = 1000
	delta := timescale / fps
	var ftyp bytes.Buffer
	writeBox(&ftyp, "ftyp", []byte("isom"), u32(512), []byte("isomiso2avc1mp41"))
	moov := func(mdatOffset uint32) []byte {
		var b bytes.Buffer
		dur := uint32(frames * delta)
		writeBox(&b, "moov",
			boxBytes("mvhd", u32(0), u32(0), u32(0), u32(timescale), u32(dur), u32(0x00010000), u16(0x0100),
				make([]byte, 10), matrix(), make([]byte, 24), u32(2)),
			boxBytes("trak",
				boxBytes("tkhd", u32(3), u32(0), u32(0), u32(1), u32(0), u32(dur), make([]byte, 8), u16(0), u16(0),
					u16(0), u16(0), matrix(), u32(uint32(width)<<16), u32(uint32(height)<<16)),
				boxBytes("mdia",
					boxBytes("mdhd", u32(0), u32(0), u32(0), u32(timescale), u32(dur), u16(0x55C4), u16(0)),
					boxBytes("hdlr", u32(0), u32(0), []byte("vide"), make([]byte, 12), []byte("newsdesk video\x00")),
					boxBytes("minf",
						boxBytes("vmhd", u32(1), make([]byte, 8)),
						boxBytes("dinf", boxBytes("dref", u32(0), u32(1), boxBytes("url ", u32(1)))),
						boxBytes("stbl",
							boxBytes("stsd", u32(0), u32(1), avc1(width, height, sps, pps)),
							boxBytes("stts", u32(0), u32(1), u32(uint32(frames)), u32(uint32(delta))),
							boxBytes("stsc", u32(0), u32(1), u32(1), u32(uint32(frames)), u32(1)),
							boxBytes("stsz", u32(0), u32(0), u32(uint32(frames)), sampleSizes(samples)),
							boxBytes("stco", u32(0), u32(1), u32(mdatOffset)),
						),
					),
				),
			),
		)
		return b.Bytes()
	}
	// The chunk offset depends on moov's size, which does not depend on it.
	head := uint32(ftyp.Len() + len(moov(0)) + 8)
	var mdat bytes.Buffer
	for _, s := range samples {
		mdat.Write(s)
	}
	for _, part := range [][]byte{ftyp.Bytes(), moov(head), u32(uint32(8 + mdat.Len())), []byte("mdat"), mdat.Bytes()} {
		if _, err := w.Write(part); err != nil {
			return err
		}
	}
	return nil
}

func avc1(width, height int, sps, pps []byte) []byte {
	avcC := boxBytes("avcC", []byte{1, 66, 0, 30, 0xFF, 0xE1}, u16(uint16(len(sps))), sps, []byte{1}, u16(uint16(len(pps))), pps)
	return boxBytes("avc1", make([]byte, 6), u16(1), u16(0), u16(0), make([]byte, 12), u16(uint16(width)), u16(uint16(height)),
		u32(0x00480000), u32(0x00480000), u32(0), u16(1), make([]byte, 32), u16(0x18), u16(0xFFFF), avcC)
}

func sampleSizes(samples [][]byte) []byte {
	var b []byte
	for _, s := range samples {
		b = append(b, u32(uint32(len(s)))...)
	}
	return b
}

func matrix() []byte {
	var b []byte
	for _, v := range []uint32{0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000} {
		b = append(b, u32(v)...)
	}
	return b
}

func boxBytes(typ string, parts ...[]byte) []byte {
	var b bytes.Buffer
	writeBox(&b, typ, parts...)
	return b.Bytes()
}

func writeBox(b *bytes.Buffer, typ string, parts ...[]byte) {
	n := 8
	for _, p := range parts {
		n += len(p)
	}
	b.Write(u32(uint32(n)))
	b.WriteString(typ)
	for _, p := range parts {
		b.Write(p)
	}
}

func u32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
func u16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }

// bitWriter writes the bits of H.264 syntax elements.
type bitWriter struct {
	buf  []byte
	bits int // bits used in the last byte
}

func (w *bitWriter) bit(b uint) {
	if w.bits == 0 {
		w.buf = append(w.buf, 0)
	}
	if b != 0 {
		w.buf[len(w.buf)-1] |= 1 << (7 - w.bits)
	}
	w.bits = (w.bits + 1) % 8
}

func (w *bitWriter) u(n int, v uint) {
	for i := n - 1; i >= 0; i-- {
		w.bit((v >> i) & 1)
	}
}

// ue writes an unsigned Exp-Golomb code.
func (w *bitWriter) ue(v uint) {
	v++
	n := 0
	for x := v; x > 1; x >>= 1 {
		n++
	}
	w.u(n, 0)
	w.u(n+1, v)
}

func (w *bitWriter) align() {
	for w.bits != 0 {
		w.bit(0)
	}
}

// trailing writes rbsp_trailing_bits.
func (w *bitWriter) trailing() {
	w.bit(1)
	w.align()
}

// nal returns the NAL unit of the given header byte and payload, with
// emulation prevention bytes inserted.
func nal(header byte, rbsp []byte) []byte {
	out := []byte{header}
	zeros := 0
	for _, c := range rbsp {
		if zeros >= 2 && c <= 3 {
			out = append(out, 3)
			zeros = 0
		}
		out = append(out, c)
		if c == 0 {
			zeros++
		} else {
			zeros = 0
		}
	}
	return out
}

func h264SPS(width, height int) []byte {
	var w bitWriter
	w.u(8, 66) // profile_idc: Baseline
	w.u(8, 0)  // constraint flags
	w.u(8, 30) // level_idc 3.0
	w.ue(0)    // seq_parameter_set_id
	w.ue(0)    // log2_max_frame_num_minus4
	w.ue(2)    // pic_order_cnt_type
	w.ue(1)    // max_num_ref_frames
	w.u(1, 0)  // gaps_in_frame_num_value_allowed_flag
	w.ue(uint(width/16 - 1))
	w.ue(uint(height/16 - 1))
	w.u(1, 1) // frame_mbs_only_flag
	w.u(1, 1) // direct_8x8_inference_flag
	w.u(1, 0) // frame_cropping_flag
	w.u(1, 0) // vui_parameters_present_flag
	w.trailing()
	return nal(0x67, w.buf)
}

func h264PPS() []byte {
	var w bitWriter
	w.ue(0)   // pic_parameter_set_id
	w.ue(0)   // seq_parameter_set_id
	w.u(1, 0) // entropy_coding_mode_flag: CAVLC
	w.u(1, 0) // bottom_field_pic_order_in_frame_present_flag
	w.ue(0)   // num_slice_groups_minus1
	w.ue(0)   // num_ref_idx_l0_default_active_minus1
	w.ue(0)   // num_ref_idx_l1_default_active_minus1
	w.u(1, 0) // weighted_pred_flag
	w.u(2, 0) // weighted_bipred_idc
	w.ue(0)   // pic_init_qp_minus26 (se 0 is ue 0)
	w.ue(0)   // pic_init_qs_minus26
	w.ue(0)   // chroma_qp_index_offset
	w.u(1, 0) // deblocking_filter_control_present_flag
	w.u(1, 0) // constrained_intra_pred_flag
	w.u(1, 0) // redundant_pic_cnt_present_flag
	w.trailing()
	return nal(0x68, w.buf)
}

// h264PCMSlice codes img as one IDR slice of I_PCM macroblocks.
func h264PCMSlice(img image.Image, width, height, n int) []byte {
	var w bitWriter
	w.ue(0)           // first_mb_in_slice
	w.ue(7)           // slice_type: I, all slices
	w.ue(0)           // pic_parameter_set_id
	w.u(4, 0)         // frame_num
	w.ue(uint(n % 2)) // idr_pic_id: neighbours differ
	w.u(1, 0)         // no_output_of_prior_pics_flag
	w.u(1, 0)         // long_term_reference_flag
	w.ue(0)           // slice_qp_delta
	b := img.Bounds()
	at := func(x, y int) (uint8, uint8, uint8) {
		c := color.YCbCrModel.Convert(img.At(b.Min.X+x*b.Dx()/width, b.Min.Y+y*b.Dy()/height)).(color.YCbCr)
		// Studio range, and never 0: early decoders refuse PCM zeros.
		scale := func(v uint8, lo, hi int) uint8 { return uint8(lo + int(v)*(hi-lo)/255) }
		return scale(c.Y, 16, 235), scale(c.Cb, 16, 240), scale(c.Cr, 16, 240)
	}
	for my := 0; my < height/16; my++ {
		for mx := 0; mx < width/16; mx++ {
			w.ue(25) // mb_type: I_PCM
			w.align()
			for y := 0; y < 16; y++ {
				for x := 0; x < 16; x++ {
					l, _, _ := at(mx*16+x, my*16+y)
					w.buf = append(w.buf, l)
				}
			}
			for plane := 0; plane < 2; plane++ {
				for y := 0; y < 8; y++ {
					for x := 0; x < 8; x++ {
						_, cb, cr := at(mx*16+2*x, my*16+2*y)
						w.buf = append(w.buf, [2]uint8{cb, cr}[plane])
					}
				}
			}
		}
	}
	w.trailing()
	return nal(0x65, w.buf)
}
