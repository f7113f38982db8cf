package media

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"
)

// M4A files are ISO base media files: a tree of boxes, each a 32-bit size
// and a four-letter type. The duration is in the sound track's media
// header (moov/trak/mdia/mdhd) in units of its time scale; the movie
// header (moov/mvhd) holds the same for the whole file. The boxes are few
// and fixed, so they are read here directly.

// box is one box's place in the file: its type and where its content is.
type box struct {
	typ        string
	start, end int64 // of the content, after the header
}

// readBoxes lists the boxes between start and end. A box that claims to
// reach past end means the file was cut short.
func readBoxes(r io.ReaderAt, start, end int64) ([]box, error) {
	var boxes []box
	for off := start; off < end; {
		if end-off < 8 {
			return nil, errAudioCut
		}
		var h [16]byte
		if _, err := r.ReadAt(h[:8], off); err != nil {
			return nil, errAudioCut
		}
		size := int64(binary.BigEndian.Uint32(h[:4]))
		hdr := int64(8)
		switch size {
		case 0: // the box runs to the end of the file
			size = end - off
		case 1: // a 64-bit size follows the type
			if _, err := r.ReadAt(h[8:16], off+8); err != nil {
				return nil, errAudioCut
			}
			size = int64(binary.BigEndian.Uint64(h[8:16]))
			hdr = 16
		}
		if size < hdr {
			return nil, fmt.Errorf("a broken %q box", h[4:8])
		}
		if size > end-off {
			return nil, errAudioCut
		}
		boxes = append(boxes, box{typ: string(h[4:8]), start: off + hdr, end: off + size})
		off += size
	}
	return boxes, nil
}

// child returns the first box of the type among boxes.
func child(boxes []box, typ string) (box, bool) {
	for _, b := range boxes {
		if b.typ == typ {
			return b, true
		}
	}
	return box{}, false
}

// probeM4A reads the duration of the first sound track, or of the movie
// when no track says it is sound. Every top-level box must be whole: a
// file whose media data is cut short would stop playing early.
func probeM4A(r io.ReaderAt, size int64) (AudioInfo, error) {
	top, err := readBoxes(r, 0, size)
	if err != nil {
		return AudioInfo{}, err
	}
	moov, ok := child(top, "moov")
	if !ok {
		return AudioInfo{}, errors.New("the M4A has no movie header (moov box)")
	}
	if _, ok := child(top, "mdat"); !ok {
		return AudioInfo{}, errors.New("the M4A has no media data (mdat box)")
	}
	inMoov, err := readBoxes(r, moov.start, moov.end)
	if err != nil {
		return AudioInfo{}, err
	}
	for _, trak := range inMoov {
		if trak.typ != "trak" {
			continue
		}
		if d, rate, ok := soundTrackDuration(r, trak); ok {
			return AudioInfo{Format: AudioM4A, Duration: d, SampleRate: rate}, nil
		}
	}
	mvhd, ok := child(inMoov, "mvhd")
	if !ok {
		return AudioInfo{}, errors.New("the M4A has no movie header (mvhd box)")
	}
	d, _, err := headerDuration(r, mvhd)
	if err != nil {
		return AudioInfo{}, err
	}
	return AudioInfo{Format: AudioM4A, Duration: d}, nil
}

// soundTrackDuration reads trak/mdia/mdhd when trak/mdia/hdlr names a
// sound track; the time scale of a sound track is its sample rate.
func soundTrackDuration(r io.ReaderAt, trak box) (time.Duration, int, bool) {
	inTrak, err := readBoxes(r, trak.start, trak.end)
	if err != nil {
		return 0, 0, false
	}
	mdia, ok := child(inTrak, "mdia")
	if !ok {
		return 0, 0, false
	}
	inMdia, err := readBoxes(r, mdia.start, mdia.end)
	if err != nil {
		return 0, 0, false
	}
	hdlr, ok := child(inMdia, "hdlr")
	mdhd, ok2 := child(inMdia, "mdhd")
	if !ok || !ok2 {
		return 0, 0, false
	}
	// hdlr: version and flags (4), pre_defined (4), handler_type (4).
	var handler [4]byte
	if hdlr.end-hdlr.start < 12 {
		return 0, 0, false
	}
	if _, err := r.ReadAt(handler[:], hdlr.start+8); err != nil || string(handler[:]) != "soun" {
		return 0, 0, false
	}
	d, scale, err := headerDuration(r, mdhd)
	if err != nil {
		return 0, 0, false
	}
	return d, int(scale), true
}

// headerDuration reads the time scale and duration of an mvhd or mdhd
// box, whose layouts agree up to the duration.
func headerDuration(r io.ReaderAt, b box) (time.Duration, uint32, error) {
	buf := make([]byte, min(b.end-b.start, 32))
	if _, err := r.ReadAt(buf, b.start); err != nil || len(buf) < 20 {
		return 0, 0, fmt.Errorf("a short %s box", b.typ)
	}
	var scale uint32
	var units uint64
	if buf[0] == 1 { // version 1: 64-bit times
		if len(buf) < 32 {
			return 0, 0, fmt.Errorf("a short %s box", b.typ)
		}
		scale = binary.BigEndian.Uint32(buf[20:24])
		units = binary.BigEndian.Uint64(buf[24:32])
	} else {
		scale = binary.BigEndian.Uint32(buf[12:16])
		units = uint64(binary.BigEndian.Uint32(buf[16:20]))
	}
	if scale == 0 {
		return 0, 0, fmt.Errorf("the %s box has no time scale", b.typ)
	}
	if units == 0xFFFFFFFF || units == 1<<64-1 { // "unknown"
		return 0, 0, fmt.Errorf("the %s box gives no duration", b.typ)
	}
	return samplesDuration(int64(units), int(scale)), scale, nil
}
