// pybind11 module `_runtime`: exposes InterpreterWrapper to runtime.py.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/tflite_micro/interpreter_wrapper.h"

namespace py = pybind11;

namespace {

// An index argument: a Python or numpy integer, not a bool (what
// runtime._index accepts), else ValueError.
int64_t ToIndex(const py::handle& value) {
  if (PyLong_CheckExact(value.ptr())) return value.cast<int64_t>();
  if (PyBool_Check(value.ptr()) || !PyIndex_Check(value.ptr())) {
    throw py::value_error("index must be an int, got " +
                          std::string(py::repr(value)));
  }
  return py::reinterpret_steal<py::object>(PyNumber_Index(value.ptr()))
      .cast<int64_t>();
}

}  // namespace

// The same source builds both native modules (see BUILD).
#ifndef TFLITE_MICRO_MODULE_NAME
#define TFLITE_MICRO_MODULE_NAME _runtime
#endif

PYBIND11_MODULE(TFLITE_MICRO_MODULE_NAME, m) {
  m.doc() = "C++ core of tflite_micro.runtime";
  // module_local: both native modules register a type of this name.
  py::class_<tflite::InterpreterWrapper>(m, "InterpreterWrapper",
                                         py::module_local())
      .def(py::init<const py::bytes&, const std::vector<std::string>&, size_t,
                    bool>(),
           py::arg("model"), py::arg("registerers"), py::arg("arena_size"),
           py::arg("preserve_all_tensors"))
      .def("set_input", &tflite::InterpreterWrapper::SetInput)
      .def("get_output", &tflite::InterpreterWrapper::GetOutput)
      // The same with runtime._index's argument checks, for runtime.py to
      // call without a Python frame in between (call overhead).
      .def("checked_set_input",
           [](tflite::InterpreterWrapper& self, const py::object& value,
              const py::object& index) {
             self.SetInput(value, ToIndex(index));
           })
      .def("checked_get_output",
           [](tflite::InterpreterWrapper& self, const py::object& index) {
             return self.GetOutput(ToIndex(index));
           })
      .def("get_tensor", &tflite::InterpreterWrapper::GetTensor)
      .def("invoke", &tflite::InterpreterWrapper::Invoke)
      .def("reset", &tflite::InterpreterWrapper::Reset)
      .def("resize_input", &tflite::InterpreterWrapper::ResizeInput)
      .def("get_input_details", &tflite::InterpreterWrapper::GetInputDetails)
      .def("get_output_details", &tflite::InterpreterWrapper::GetOutputDetails)
      .def("format_allocations",
           &tflite::InterpreterWrapper::FormatAllocations)
      .def("num_inputs", &tflite::InterpreterWrapper::NumInputs)
      .def("num_outputs", &tflite::InterpreterWrapper::NumOutputs)
      .def("arena_size", &tflite::InterpreterWrapper::arena_size)
      .def("arena_used_bytes", &tflite::InterpreterWrapper::arena_used_bytes)
      .def("arena_required_bytes",
           &tflite::InterpreterWrapper::arena_required_bytes);
}
