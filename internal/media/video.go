package media

import (
	"encoding/binary"
	"io"
	"math"
	"time"
)

// avInfo is what a probe reads from a video or audio container.
type avInfo struct {
	Duration      time.Duration
	Width, Height int
	HasVideo      bool
	HasAudio      bool
}

// probeMP4 reads the duration, and the picture size of the video track,
// from an MP4 (ISO base media) file: the movie header (mvhd), and the
// track headers (tkhd) of tracks whose handler (hdlr) is video. Every
// top-level box must lie within the file, so a file cut short is refused.
func probeMP4(r io.ReaderAt, size int64) (avInfo, error) {
	var info avInfo
	haveMoov, haveData := false, false
	err := walkBoxes(r, 0, size, true, func(typ string, off, n int64) error {
		switch typ {
		case "moov":
			haveMoov = true
			return probeMoov(r, off, n, &info)
		case "mdat":
			haveData = true
		}
		return nil
	})
	if err != nil {
		return avInfo{}, err
	}
	if !haveMoov || !haveData {
		return avInfo{}, invalid("the MP4 file has no movie header or no media data: it may be cut short")
	}
	return info, nil
}

// walkBoxes calls fn with the type, payload offset and payload size of
// each box between off and end. strict refuses boxes that run past end.
func walkBoxes(r io.ReaderAt, off, end int64, strict bool, fn func(typ string, off, n int64) error) error {
	var h [16]byte
	for off < end {
		if off+8 > end {
			return truncated("the MP4 file's last box")
		}
		if _, err := r.ReadAt(h[:8], off); err != nil {
			return truncated("the MP4 file")
		}
		boxSize, header := int64(binary.BigEndian.Uint32(h[:4])), int64(8)
		typ := string(h[4:8])
		switch boxSize {
		case 0: // to the end of the file
			boxSize = end - off
		case 1: // 64-bit size follows
			if _, err := r.ReadAt(h[8:16], off+8); err != nil {
				return truncated("the MP4 file")
			}
			boxSize, header = int64(binary.BigEndian.Uint64(h[8:16])), 16
		}
		if boxSize < header {
			return invalid("the MP4 file has a broken %q box", typ)
		}
		if off+boxSize > end {
			if strict {
				return truncated("the MP4 file's " + typ + " box")
			}
			boxSize = end - off
		}
		if err := fn(typ, off+header, boxSize-header); err != nil {
			return err
		}
		off += boxSize
	}
	return nil
}

func probeMoov(r io.ReaderAt, off, n int64, info *avInfo) error {
	return walkBoxes(r, off, off+n, true, func(typ string, off, n int64) error {
		switch typ {
		case "mvhd":
			b := make([]byte, min(n, 32))
			if _, err := r.ReadAt(b, off); err != nil || len(b) < 20 {
				return truncated("the MP4 movie header")
			}
			var scale, dur uint64
			if b[0] == 1 {
				if len(b) < 32 {
					return truncated("the MP4 movie header")
				}
				scale, dur = uint64(binary.BigEndian.Uint32(b[20:])), binary.BigEndian.Uint64(b[24:])
			} else {
				scale, dur = uint64(binary.BigEndian.Uint32(b[12:])), uint64(binary.BigEndian.Uint32(b[16:]))
			}
			if scale > 0 && dur != math.MaxUint32 && dur != math.MaxUint64 {
				info.Duration = time.Duration(float64(dur) / float64(scale) * float64(time.Second)).Round(time.Millisecond)
			}
		case "trak":
			return probeTrak(r, off, n, info)
		}
		return nil
	})
}

func probeTrak(r io.ReaderAt, off, n int64, info *avInfo) error {
	var w, h int
	var handler string
	err := walkBoxes(r, off, off+n, true, func(typ string, off, n int64) error {
		switch typ {
		case "tkhd":
			b := make([]byte, min(n, 92))
			if _, err := r.ReadAt(b, off); err != nil {
				return truncated("the MP4 track header")
			}
			at := 76
			if b[0] == 1 {
				at = 88
			}
			if len(b) >= at+8 {
				w, h = int(binary.BigEndian.Uint32(b[at:])>>16), int(binary.BigEndian.Uint32(b[at+4:])>>16)
			}
		case "mdia":
			return walkBoxes(r, off, off+n, true, func(typ string, off, n int64) error {
				if typ == "hdlr" && n >= 12 {
					b := make([]byte, 4)
					if _, err := r.ReadAt(b, off+8); err != nil {
						return truncated("the MP4 handler")
					}
					handler = string(b)
				}
				return nil
			})
		}
		return nil
	})
	switch handler {
	case "vide":
		info.HasVideo = true
		if info.Width == 0 {
			info.Width, info.Height = w, h
		}
	case "soun":
		info.HasAudio = true
	}
	return err
}

// WebM (Matroska) element ids the probe reads.
const (
	ebmlHeader     = 0x1A45DFA3
	ebmlDocType    = 0x4282
	mkvSegment     = 0x18538067
	mkvInfo        = 0x1549A966
	mkvTimecode    = 0x2AD7B1
	mkvDuration    = 0x4489
	mkvTracks      = 0x1654AE6B
	mkvTrackEntry  = 0xAE
	mkvVideo       = 0xE0
	mkvAudio       = 0xE1
	mkvPixelWidth  = 0xB0
	mkvPixelHeight = 0xBA
	mkvCluster     = 0x1F43B675
)

// ebmlUnknown marks an element of unknown size, which runs to the end of
// its parent.
const ebmlUnknown = -1

// probeWebM reads the duration and picture size of a WebM file from the
// Info and Tracks elements of its Segment. Elements of known size must lie
// within the file, so a file cut short is refused. A file recorded live
// may carry no duration; it is then left unknown.
func probeWebM(r io.ReaderAt, size int64) (avInfo, error) {
	var info avInfo
	scale := uint64(1_000_000) // nanoseconds per timecode tick
	var duration float64
	err := walkEBML(r, 0, size, func(id uint64, off, n int64) (bool, error) {
		switch id {
		case ebmlHeader:
			return false, walkEBML(r, off, off+n, func(id uint64, off, n int64) (bool, error) {
				if id == ebmlDocType {
					b := make([]byte, min(n, 16))
					r.ReadAt(b, off)
					if string(b) != "webm" {
						return false, invalid("the file is Matroska, not WebM")
					}
				}
				return false, nil
			})
		case mkvSegment:
			return false, walkEBML(r, off, off+n, func(id uint64, off, n int64) (bool, error) {
				switch id {
				case mkvInfo:
					return false, walkEBML(r, off, off+n, func(id uint64, off, n int64) (bool, error) {
						switch id {
						case mkvTimecode:
							scale = readUint(r, off, n)
						case mkvDuration:
							duration = readFloat(r, off, n)
						}
						return false, nil
					})
				case mkvTracks:
					return false, walkEBML(r, off, off+n, func(id uint64, off, n int64) (bool, error) {
						if id == mkvTrackEntry {
							return false, probeTrackEntry(r, off, n, &info)
						}
						return false, nil
					})
				}
				// Clusters are skipped; one of unknown size runs to the end.
				return false, nil
			})
		}
		return false, nil
	})
	if err != nil {
		return avInfo{}, err
	}
	if !info.HasVideo && !info.HasAudio {
		return avInfo{}, invalid("the WebM file has no tracks: it may be cut short")
	}
	info.Duration = time.Duration(duration * float64(scale)).Round(time.Millisecond)
	return info, nil
}

func probeTrackEntry(r io.ReaderAt, off, n int64, info *avInfo) error {
	return walkEBML(r, off, off+n, func(id uint64, off, n int64) (bool, error) {
		switch id {
		case mkvAudio:
			info.HasAudio = true
		case mkvVideo:
			info.HasVideo = true
			return false, walkEBML(r, off, off+n, func(id uint64, off, n int64) (bool, error) {
				switch id {
				case mkvPixelWidth:
					info.Width = int(readUint(r, off, n))
				case mkvPixelHeight:
					info.Height = int(readUint(r, off, n))
				}
				return false, nil
			})
		}
		return false, nil
	})
}

// walkEBML calls fn with the id, payload offset and payload size (or
// ebmlUnknown) of each element between off and end; fn returns stop to
// end the walk early.
func walkEBML(r io.ReaderAt, off, end int64, fn func(id uint64, off, n int64) (stop bool, err error)) error {
	for off < end {
		id, idLen, err := readVint(r, off, true)
		if err != nil {
			return err
		}
		n, sizeLen, err := readVint(r, off+int64(idLen), false)
		if err != nil {
			return err
		}
		payload := off + int64(idLen+sizeLen)
		size := int64(n)
		if n == 1<<(7*sizeLen)-1 {
			size = ebmlUnknown
		} else if payload+size > end {
			return truncated("the WebM file")
		}
		inner := size
		if size == ebmlUnknown {
			inner = end - payload
		}
		stop, err := fn(id, payload, inner)
		if err != nil {
			return err
		}
		if stop {
			return nil
		}
		off = payload + inner
	}
	return nil
}

// readVint reads an EBML variable-length integer at off: with its length
// marker for ids, without it for sizes.
func readVint(r io.ReaderAt, off int64, keepMarker bool) (uint64, int, error) {
	var b [8]byte
	if _, err := r.ReadAt(b[:1], off); err != nil {
		return 0, 0, truncated("the WebM file")
	}
	n := 1
	for mask := byte(0x80); n <= 8 && b[0]&mask == 0; mask >>= 1 {
		n++
	}
	if n > 8 {
		return 0, 0, invalid("the WebM file is corrupt")
	}
	if n > 1 {
		if _, err := r.ReadAt(b[1:n], off+1); err != nil {
			return 0, 0, truncated("the WebM file")
		}
	}
	v := uint64(b[0])
	if !keepMarker {
		v &= uint64(0xFF >> n)
	}
	for i := 1; i < n; i++ {
		v = v<<8 | uint64(b[i])
	}
	return v, n, nil
}

func readUint(r io.ReaderAt, off, n int64) uint64 {
	if n <= 0 || n > 8 {
		return 0
	}
	b := make([]byte, n)
	if _, err := r.ReadAt(b, off); err != nil {
		return 0
	}
	var v uint64
	for _, c := range b {
		v = v<<8 | uint64(c)
	}
	return v
}

func readFloat(r io.ReaderAt, off, n int64) float64 {
	b := make([]byte, n)
	if n != 4 && n != 8 {
		return 0
	}
	if _, err := r.ReadAt(b, off); err != nil {
		return 0
	}
	if n == 4 {
		return float64(math.Float32frombits(binary.BigEndian.Uint32(b)))
	}
	return math.Float64frombits(binary.BigEndian.Uint64(b))
}
