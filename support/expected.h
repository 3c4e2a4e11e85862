// A small value-or-error type for fallible operations (file I/O, parsing
// configuration, loading rules): analysis code returns errors as values and
// never throws across layers.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace sparkmigrate::support {

struct Error {
  std::string message;  // one line, ready to show to a user
};

template <typename T>
class Expected {
 public:
  Expected(T value) : data_(std::move(value)) {}
  Expected(Error error) : data_(std::move(error)) {}

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(data_); }
  const T& value() const { return std::get<0>(data_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  const Error& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, Error> data_;
};

}  // namespace sparkmigrate::support
