#include "processors/pdf/ContentTally.h"

#include <algorithm>
#include <array>
#include <limits>

namespace dossier {
namespace {

// The PDF format caps names at 127 bytes; longer ones match no resource.
constexpr std::size_t kMaxName = 256;
// An inline image side past this is as absurd as 2^32: the product stays
// within 64 bits.
constexpr std::uint64_t kMaxSide = std::uint64_t{1} << 32;

// The PDF character classes, looked up once per byte.
enum CharClass : unsigned char { kRegular, kWhite, kDelimiter };

constexpr std::array<unsigned char, 256> Classes() {
  std::array<unsigned char, 256> classes{};
  for (unsigned char c : {' ', '\n', '\r', '\t', '\f', '\0'}) classes[c] = kWhite;
  for (unsigned char c : {'(', ')', '<', '>', '[', ']', '{', '}', '/', '%'})
    classes[c] = kDelimiter;
  return classes;
}
constexpr std::array<unsigned char, 256> kClasses = Classes();

bool IsWhite(unsigned char c) {
  return kClasses[c] == kWhite;
}
bool IsDelimiter(unsigned char c) {
  return kClasses[c] == kDelimiter;
}
bool IsRegular(unsigned char c) {
  return kClasses[c] == kRegular;
}

int HexValue(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The integer part of a number token, negative as 0, capped at kMaxSide.
std::uint64_t Side(const char* number, std::size_t size) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < size; ++i) {
    char c = number[i];
    if (c == '+') continue;
    if (c < '0' || c > '9') break;
    value = std::min(kMaxSide, value * 10 + static_cast<std::uint64_t>(c - '0'));
  }
  return value;
}

std::uint64_t SaturatingAdd(std::uint64_t a, std::uint64_t b) {
  return a > std::numeric_limits<std::uint64_t>::max() - b
             ? std::numeric_limits<std::uint64_t>::max()
             : a + b;
}

}  // namespace

ContentTally::ContentTally(const std::set<std::string>& xobjects) : xobjects_(xobjects) {}

// Runs of white space and of token bytes, most of a content stream, are
// scanned in tight loops; every other byte goes through Byte.
void ContentTally::Feed(const unsigned char* data, std::size_t size) {
  bytes_ += size;
  const unsigned char* at = data;
  const unsigned char* end = data + size;
  while (at < end) {
    if (state_ == State::Space) {
      while (at < end && IsWhite(*at)) ++at;
      if (at < end) Space(*at++);
    } else if (state_ == State::Token) {
      const unsigned char* start = at;
      while (at < end && IsRegular(*at)) ++at;
      AppendToken(start, static_cast<std::size_t>(at - start));
      if (at == end) return;
      if (IsWhite(*at)) {
        EndToken();  // the usual case; after ID, the space is the one before the data
        ++at;
      } else {
        Byte(*at++);
      }
    } else {
      Byte(*at++);
    }
  }
}

void ContentTally::AppendToken(const unsigned char* from, std::size_t size) {
  for (std::size_t i = 0; i < size && token_size_ + i < sizeof token_; ++i)
    token_[token_size_ + i] = static_cast<char>(from[i]);
  token_size_ += size;
}

bool ContentTally::TokenIs(const char* word, std::size_t size) const {
  if (token_size_ != size) return false;
  for (std::size_t i = 0; i < size; ++i)
    if (token_[i] != word[i]) return false;
  return true;
}

void ContentTally::Finish() {
  switch (state_) {
    case State::Token:
      EndToken();
      break;
    case State::Name:
    case State::NameHex:
      EndName();
      break;
    case State::Data:
      if (IsWhite(window_[0]) && window_[1] == 'E' && window_[2] == 'I') EndInlineImage();
      break;
    default:
      break;
  }
  state_ = State::Space;
}

void ContentTally::Byte(unsigned char c) {
  switch (state_) {
    case State::Space:
      Space(c);
      return;
    case State::Token:
      if (IsRegular(c)) {
        AppendToken(&c, 1);
        return;
      }
      EndToken();
      // The white space that ends ID is the one separator before the data.
      if (state_ == State::Data) {
        if (!IsWhite(c)) Byte(c);
        return;
      }
      Space(c);
      return;
    case State::Name:
      if (c == '#') {
        state_ = State::NameHex;
        name_hex_ = name_hex_value_ = 0;
      } else if (IsWhite(c) || IsDelimiter(c)) {
        EndName();
        Space(c);
      } else if (name_.size() < kMaxName) {
        name_ += static_cast<char>(c);
      }
      return;
    case State::NameHex: {
      int value = HexValue(c);
      if (value < 0) {  // not an escape: the '#' stays as written
        name_ += '#';
        if (name_hex_ == 1) name_ += "0123456789ABCDEF"[name_hex_value_];
        state_ = State::Name;
        Byte(c);
        return;
      }
      name_hex_value_ = name_hex_value_ * 16 + value;
      if (++name_hex_ == 2) {
        name_ += static_cast<char>(name_hex_value_);
        state_ = State::Name;
      }
      return;
    }
    case State::Comment:
      if (c == '\n' || c == '\r') state_ = State::Space;
      return;
    case State::String:
      if (c == '\\')
        state_ = State::StringEscape;
      else if (c == '(')
        ++string_depth_;
      else if (c == ')' && --string_depth_ == 0)
        state_ = State::Space;
      return;
    case State::StringEscape:
      state_ = State::String;
      return;
    case State::Angle:
      if (c == '<') {  // "<<" opens a dictionary
        state_ = State::Space;
        return;
      }
      state_ = State::Hex;
      Byte(c);
      return;
    case State::Hex:
      if (c == '>') state_ = State::Space;
      return;
    case State::Data:
      if (IsWhite(window_[0]) && window_[1] == 'E' && window_[2] == 'I' &&
          (IsWhite(c) || IsDelimiter(c))) {
        EndInlineImage();
        Space(c);
        return;
      }
      window_[0] = window_[1];
      window_[1] = window_[2];
      window_[2] = c;
      return;
  }
}

// Between tokens. White space and comments keep the last operand: `/Fm0 %
// a note` then `Do` still draws /Fm0.
void ContentTally::Space(unsigned char c) {
  if (IsWhite(c)) return;
  switch (c) {
    case '%':
      state_ = State::Comment;
      return;
    case '/':
      state_ = State::Name;
      name_.assign(1, '/');
      return;
    case '(':
      name_operand_ = false;
      string_depth_ = 1;
      state_ = State::String;
      return;
    case '<':
      name_operand_ = false;
      state_ = State::Angle;
      return;
    case ')':
    case '>':
    case '[':
    case ']':
    case '{':
    case '}':
      name_operand_ = false;
      return;
    default:
      state_ = State::Token;
      token_size_ = 0;
      AppendToken(&c, 1);
      return;
  }
}

void ContentTally::EndName() {
  state_ = State::Space;
  if (inline_dict_) {
    inline_key_ = name_;
    return;
  }
  last_name_.swap(name_);
  name_operand_ = true;
}

void ContentTally::EndToken() {
  state_ = State::Space;
  char first = token_[0];
  bool number = (first >= '0' && first <= '9') || first == '+' || first == '-' || first == '.';
  if (!number) {
    Keyword();
  } else if (inline_dict_) {
    std::size_t kept = std::min(token_size_, sizeof token_);
    if (inline_key_ == "/W" || inline_key_ == "/Width") inline_width_ = Side(token_, kept);
    if (inline_key_ == "/H" || inline_key_ == "/Height") inline_height_ = Side(token_, kept);
    inline_key_.clear();
  }
  name_operand_ = false;
}

void ContentTally::Keyword() {
  if (TokenIs("true", 4) || TokenIs("false", 5) || TokenIs("null", 4)) return;
  if (inline_dict_) {
    if (!TokenIs("ID", 2)) return;
    // The dictionary is complete: a reader decodes every row it declares,
    // whether or not the data is there, so the image counts from here.
    inline_dict_ = false;
    std::uint64_t pixels = inline_width_ * inline_height_;
    inline_pixels_ = SaturatingAdd(inline_pixels_, pixels);
    largest_inline_ = std::max(largest_inline_, pixels);
    window_[0] = window_[1] = 0;
    window_[2] = ' ';
    state_ = State::Data;
    return;
  }
  ++operators_;
  if (TokenIs("BI", 2)) {
    inline_dict_ = true;
    inline_key_.clear();
    inline_width_ = inline_height_ = 0;
    ++inline_images_;
  } else if (TokenIs("Do", 2) && name_operand_ && xobjects_.count(last_name_) > 0) {
    ++draws_[last_name_];
  }
}

void ContentTally::EndInlineImage() {
  state_ = State::Space;
}

}  // namespace dossier
