package media

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"time"

	"github.com/tcolgate/mp3"

	"newsdesk/internal/news"
)

// Audio formats that ProbeAudio reads.
const (
	AudioMP3 = "mp3"
	AudioM4A = "m4a"
	AudioOgg = "ogg"
)

// audioTypes are the MIME types of the audio formats, as podcast
// enclosures and <audio> sources name them.
var audioTypes = map[string]string{
	AudioMP3: "audio/mpeg",
	AudioM4A: "audio/mp4",
	AudioOgg: "audio/ogg",
}

// AudioInfo is what ProbeAudio reads from an audio file.
type AudioInfo struct {
	Format     string // AudioMP3, AudioM4A or AudioOgg
	Type       string // the MIME type
	Duration   time.Duration
	SampleRate int
}

// ProbeAudio reads the format and the duration of the audio file in r,
// size bytes long: MP3 (its frames are counted), M4A/AAC (the movie
// header's duration) and Ogg Vorbis or Opus (the last page's granule
// position). The duration is read from the file itself, never guessed
// from its size, so a file cut short is an error: an ErrInvalid whose
// message says that the duration cannot be read and why.
func ProbeAudio(r io.ReaderAt, size int64) (AudioInfo, error) {
	head := make([]byte, 12)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	var (
		info AudioInfo
		err  error
	)
	switch {
	case bytes.HasPrefix(head, []byte("OggS")):
		info, err = probeOgg(r, size)
	case len(head) >= 8 && string(head[4:8]) == "ftyp":
		info, err = probeM4A(r, size)
	case bytes.HasPrefix(head, []byte("ID3")) || len(head) >= 2 && head[0] == 0xFF && head[1]&0xE0 == 0xE0:
		info, err = probeMP3(r, size)
	default:
		return AudioInfo{}, news.Errorf(news.ErrInvalid, "the file is not audio that newsdesk reads (MP3, M4A or Ogg)")
	}
	if err != nil {
		return AudioInfo{}, news.Errorf(news.ErrInvalid, "the audio's duration cannot be read: %v", err)
	}
	if info.Duration <= 0 {
		return AudioInfo{}, news.Errorf(news.ErrInvalid, "the audio's duration cannot be read: the file holds no sound")
	}
	info.Type = audioTypes[info.Format]
	return info, nil
}

// errAudioCut explains the commonest failure: an upload cut short.
var errAudioCut = errors.New("the file ends early (truncated)")

// probeMP3 counts the MPEG audio frames after any ID3v2 tag and before
// any ID3v1 tag. Frames carry no timestamps, so counting them is the only
// exact duration of a file encoded at a variable bit rate. The first frame
// may be a Xing or Info header, which is silent: it is not counted, and a
// file with fewer frames than that header announces is truncated.
func probeMP3(r io.ReaderAt, size int64) (AudioInfo, error) {
	start, end := int64(0), size
	var id3 [10]byte
	if n, _ := r.ReadAt(id3[:], 0); n == 10 && string(id3[:3]) == "ID3" {
		// The tag's size is a "syncsafe" integer: 7 bits a byte.
		tagSize := int64(id3[6]&0x7f)<<21 | int64(id3[7]&0x7f)<<14 | int64(id3[8]&0x7f)<<7 | int64(id3[9]&0x7f)
		start = 10 + tagSize
		if id3[5]&0x10 != 0 { // a footer follows the tag
			start += 10
		}
		if start >= size {
			return AudioInfo{}, errAudioCut
		}
	}
	var tag [3]byte
	if size-start >= 128 {
		if n, _ := r.ReadAt(tag[:], size-128); n == 3 && string(tag[:]) == "TAG" {
			end = size - 128
		}
	}
	cr := &countingReader{r: bufio.NewReaderSize(io.NewSectionReader(r, start, end-start), 64<<10)}
	dec := mp3.NewDecoder(cr)
	var (
		f          mp3.Frame
		skipped    int
		frames     int64
		samples    int64
		rate       int
		xingFrames int64 = -1
	)
	for {
		at := cr.n
		err := dec.Decode(&f, &skipped)
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			// Either a frame cut short, or a few bytes of something
			// else after the last frame.
			if frameStartsAt(r, start+at, end) {
				return AudioInfo{}, errAudioCut
			}
			break
		}
		if err != nil {
			return AudioInfo{}, err
		}
		if rate == 0 {
			rate = int(f.Header().SampleRate())
		}
		if frames == 0 && xingFrames < 0 {
			if n, ok := xingFrameCount(&f); ok {
				xingFrames = n
				continue
			}
		}
		frames++
		samples += int64(f.Samples())
	}
	if frames == 0 || rate <= 0 {
		return AudioInfo{}, errors.New("no MP3 frames found")
	}
	if xingFrames > frames {
		return AudioInfo{}, errAudioCut
	}
	return AudioInfo{Format: AudioMP3, SampleRate: rate, Duration: samplesDuration(samples, rate)}, nil
}

// frameStartsAt reports whether an MPEG audio frame header begins at off:
// the sync bits, then a version, layer, bit rate and sample rate that exist.
func frameStartsAt(r io.ReaderAt, off, end int64) bool {
	if end-off < 4 {
		return false
	}
	h := make(mp3.FrameHeader, 4)
	if n, _ := r.ReadAt(h, off); n < 4 {
		return false
	}
	return h[0] == 0xFF && h[1]&0xE0 == 0xE0 && h.Version() != mp3.MPEGReserved &&
		h.Layer() != mp3.LayerReserved && h.BitRate() != mp3.ErrInvalidBitrate &&
		h.SampleRate() != mp3.ErrInvalidSampleRate
}

// xingFrameCount reads the frame count of a Xing or Info header, which
// encoders write into the side data of an otherwise silent first frame.
func xingFrameCount(f *mp3.Frame) (int64, bool) {
	buf, err := io.ReadAll(f.Reader())
	if err != nil {
		return 0, false
	}
	side, err := f.SideInfoLength()
	if err != nil {
		return 0, false
	}
	off := 4 + side
	if f.Header().Protection() {
		off += 2
	}
	if len(buf) < off+12 {
		return 0, false
	}
	if id := string(buf[off : off+4]); id != "Xing" && id != "Info" {
		return 0, false
	}
	flags := binary.BigEndian.Uint32(buf[off+4:])
	if flags&1 == 0 {
		return 0, true
	}
	return int64(binary.BigEndian.Uint32(buf[off+8:])), true
}

// samplesDuration is the playing time of n samples at rate a second.
func samplesDuration(n int64, rate int) time.Duration {
	sec := n / int64(rate)
	rest := n % int64(rate)
	return time.Duration(sec)*time.Second + time.Duration(rest)*time.Second/time.Duration(rate)
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
