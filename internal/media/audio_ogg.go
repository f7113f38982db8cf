package media

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
)

// Ogg files are a chain of pages, each naming the position in samples
// (the granule position) of the last sample that ends on it. The duration
// is the last page's position of the first stream, at the sample rate its
// first page's identification header gives: Vorbis says its rate, Opus
// always counts at 48 kHz after skipping pre_skip samples.

// oggPage is the header of one page.
type oggPage struct {
	granule int64
	serial  uint32
	size    int64 // header, segment table and body
}

// readOggPage reads the page header at off; a page that reaches past
// size was cut short.
func readOggPage(r io.ReaderAt, off, size int64) (oggPage, error) {
	var h [27]byte
	if size-off < 27 {
		return oggPage{}, errAudioCut
	}
	if _, err := r.ReadAt(h[:], off); err != nil {
		return oggPage{}, errAudioCut
	}
	if string(h[:4]) != "OggS" {
		return oggPage{}, errors.New("an Ogg page is broken")
	}
	segs := make([]byte, h[26])
	if _, err := r.ReadAt(segs, off+27); err != nil {
		return oggPage{}, errAudioCut
	}
	body := int64(0)
	for _, s := range segs {
		body += int64(s)
	}
	p := oggPage{
		granule: int64(binary.LittleEndian.Uint64(h[6:14])),
		serial:  binary.LittleEndian.Uint32(h[14:18]),
		size:    27 + int64(len(segs)) + body,
	}
	if off+p.size > size {
		return oggPage{}, errAudioCut
	}
	return p, nil
}

// probeOgg walks the page headers, which are small and far apart, so
// that a file cut short anywhere is noticed, and reads the first stream's
// last granule position.
func probeOgg(r io.ReaderAt, size int64) (AudioInfo, error) {
	first, err := readOggPage(r, 0, size)
	if err != nil {
		return AudioInfo{}, err
	}
	hdrLen := 27 + int64(0)
	var nsegs [1]byte
	if _, err := r.ReadAt(nsegs[:], 26); err != nil {
		return AudioInfo{}, errAudioCut
	}
	hdrLen += int64(nsegs[0])
	id := make([]byte, min(first.size-hdrLen, 19))
	if _, err := r.ReadAt(id, hdrLen); err != nil {
		return AudioInfo{}, errAudioCut
	}
	var rate, skip int64
	switch {
	case len(id) >= 16 && id[0] == 1 && bytes.Equal(id[1:7], []byte("vorbis")):
		rate = int64(binary.LittleEndian.Uint32(id[12:16]))
	case len(id) >= 12 && bytes.Equal(id[:8], []byte("OpusHead")):
		rate = 48000
		skip = int64(binary.LittleEndian.Uint16(id[10:12]))
	default:
		return AudioInfo{}, errors.New("the Ogg file holds neither Vorbis nor Opus audio")
	}
	if rate <= 0 {
		return AudioInfo{}, errors.New("the Ogg stream gives no sample rate")
	}
	last := int64(-1)
	for off := int64(0); off < size; {
		p, err := readOggPage(r, off, size)
		if err != nil {
			return AudioInfo{}, err
		}
		// -1 marks a page on which no packet ends.
		if p.serial == first.serial && p.granule >= 0 {
			last = p.granule
		}
		off += p.size
	}
	if last-skip <= 0 {
		return AudioInfo{}, errors.New("the Ogg stream holds no samples")
	}
	return AudioInfo{Format: AudioOgg, SampleRate: int(rate), Duration: samplesDuration(last-skip, int(rate))}, nil
}
