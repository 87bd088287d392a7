#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>

namespace dossier {

// What a content stream asks a renderer to do, counted as its decoded bytes
// arrive, chunk by chunk: its operators, the XObjects it draws by name and
// how many times, its inline images (BI … ID … EI) and their declared size.
// Holds a few bytes of state between chunks, never the stream. The lexing
// follows the PDF syntax (strings, names with #xx, comments, hex strings);
// inline image data ends at the first "EI" between white space, as readers
// find it.
class ContentTally {
 public:
  // `xobjects`: the names, slash included ("/Fm0"), that the stream's
  // resources define as XObjects. `Do` of any other name draws nothing and
  // is not kept, so the tally stays as small as the resources.
  explicit ContentTally(const std::set<std::string>& xobjects);

  void Feed(const unsigned char* data, std::size_t size);
  // End of the content: a last token with nothing after it still counts.
  void Finish();

  std::uint64_t bytes() const { return bytes_; }
  std::uint64_t operators() const { return operators_; }
  // "/Fm0" → how many times the stream does `/Fm0 Do`.
  const std::map<std::string, std::uint64_t>& draws() const { return draws_; }
  std::uint64_t inline_images() const { return inline_images_; }
  // Sum and largest of the inline images' /W × /H.
  std::uint64_t inline_image_pixels() const { return inline_pixels_; }
  std::uint64_t largest_inline_image() const { return largest_inline_; }

 private:
  enum class State { Space, Token, Name, NameHex, Comment, String, StringEscape, Angle, Hex, Data };

  void Byte(unsigned char c);
  void Space(unsigned char c);
  void AppendToken(const unsigned char* from, std::size_t size);
  bool TokenIs(const char* word, std::size_t size) const;
  void EndToken();
  void EndName();
  void Keyword();
  void EndInlineImage();

  const std::set<std::string>& xobjects_;
  State state_ = State::Space;
  char token_[16] = {};         // the keyword or number being read: its first bytes
  std::size_t token_size_ = 0;  // its whole length
  std::string name_;            // the name being read, slash included
  int name_hex_ = 0;            // #xx escape: hex digits read so far, and their value
  int name_hex_value_ = 0;
  int string_depth_ = 0;
  bool name_operand_ = false;  // the last complete token was the name `last_name_`
  std::string last_name_;

  bool inline_dict_ = false;  // between BI and ID
  std::string inline_key_;
  std::uint64_t inline_width_ = 0, inline_height_ = 0;
  unsigned char window_[3] = {0, 0, 0};  // last bytes of inline image data

  std::uint64_t bytes_ = 0;
  std::uint64_t operators_ = 0;
  std::map<std::string, std::uint64_t> draws_;
  std::uint64_t inline_images_ = 0;
  std::uint64_t inline_pixels_ = 0;
  std::uint64_t largest_inline_ = 0;
};

}  // namespace dossier
